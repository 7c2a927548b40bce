import type { FastifyInstance, FastifyRequest } from 'fastify';
import { computeMatrix } from '../matrix/matrix.ts';
import { parseCanIDeployQuery, parseMatrixQuery } from '../matrix/query.ts';
import type { RackHash } from '../matrix/rack-query.ts';
import type { MatrixRow } from '../matrix/rows.ts';
import { matrixResource } from '../representations/matrix.ts';
import { matrixText } from '../representations/matrix-text.ts';
import { errorResponse } from './schemas.ts';

const matrixResponse = {
  type: 'object',
  required: ['summary', 'notices', 'matrix'],
  properties: {
    summary: {
      type: 'object',
      required: ['deployable', 'reason', 'success', 'failed', 'unknown'],
      properties: {
        deployable: { type: ['boolean', 'null'] },
        reason: { type: 'string' },
        success: { type: 'integer' },
        failed: { type: 'integer' },
        unknown: { type: 'integer' },
        ignored: { type: 'integer' },
        reasons: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'deployable', 'text'],
            properties: {
              code: { type: 'string' },
              deployable: { type: ['boolean', 'null'] },
              text: { type: 'string' },
              nextStep: {
                type: 'object',
                required: ['text'],
                properties: { text: { type: 'string' }, command: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    notices: {
      type: 'array',
      items: { type: 'object', properties: { type: { type: 'string' }, text: { type: 'string' } } },
    },
    matrix: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

const pactUrlFor = (request: FastifyRequest) => (row: MatrixRow) =>
  request.urls.pact(row.providerName, row.consumerName, row.consumerVersionNumber);

/** `GET /matrix` (both CLIs' can-i-deploy) and the simplified `GET /can-i-deploy`. */
export async function matrixRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const schema = { response: { 200: matrixResponse, 400: errorResponse } };

  app.get('/matrix', { schema }, async (request, reply) => {
    const result = await computeMatrix(repos, parseMatrixQuery(request.query as RackHash), pactUrlFor(request));
    const accept = String(request.headers.accept ?? '').toLowerCase();
    if (accept.includes('text/plain') && !accept.includes('json')) {
      return reply.type('text/plain;charset=utf-8').send(matrixText(result));
    }
    return matrixResource(request.urls, result);
  });

  app.get('/can-i-deploy', { schema }, async (request) => {
    const result = await computeMatrix(repos, parseCanIDeployQuery(request.query as RackHash), pactUrlFor(request));
    return matrixResource(request.urls, result);
  });
}

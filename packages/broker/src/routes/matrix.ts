import type { FastifyInstance } from 'fastify';
import { computeMatrix } from '../matrix/matrix.ts';
import { parseCanIDeployQuery, parseMatrixQuery } from '../matrix/query.ts';
import type { RackHash } from '../matrix/rack-query.ts';
import { matrixResource } from '../representations/matrix.ts';
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
      },
    },
    notices: {
      type: 'array',
      items: { type: 'object', properties: { type: { type: 'string' }, text: { type: 'string' } } },
    },
    matrix: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

/** `GET /matrix` (both CLIs' can-i-deploy) and the simplified `GET /can-i-deploy`. */
export async function matrixRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const schema = { response: { 200: matrixResponse, 400: errorResponse } };

  app.get('/matrix', { schema }, async (request) => {
    const result = await computeMatrix(repos, parseMatrixQuery(request.query as RackHash));
    return matrixResource(request.urls, result);
  });

  app.get('/can-i-deploy', { schema }, async (request) => {
    const result = await computeMatrix(repos, parseCanIDeployQuery(request.query as RackHash));
    return matrixResource(request.urls, result);
  });
}

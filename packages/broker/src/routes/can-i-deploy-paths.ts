import type { FastifyInstance, FastifyRequest } from 'fastify';
import { computeMatrix } from '../matrix/matrix.ts';
import { type MatrixQuery, parseMatrixQuery } from '../matrix/query.ts';
import type { RackHash } from '../matrix/rack-query.ts';
import type { MatrixRow } from '../matrix/rows.ts';
import { matrixResource } from '../representations/matrix.ts';
import { errorResponse, openResponse, providerConsumerParams } from './schemas.ts';

/** The latest version with `tag` against the latest versions tagged `to` of everything it integrates with. */
export function canIDeployByTag(pacticipant: string, tag: string, to: string): MatrixQuery {
  return {
    selectors: [{ pacticipant, tag, latest: true }],
    target: { latest: true, tag: to, mainBranch: false },
    ignore: [],
    limit: 100,
  };
}

/** The latest version on `branch` against what is deployed or released in `environment`. */
export function canIDeployByBranch(pacticipant: string, branch: string, environment: string): MatrixQuery {
  return {
    selectors: [{ pacticipant, branch, latest: true }],
    target: { latest: false, environment, mainBranch: false },
    ignore: [],
    limit: 100,
  };
}

const pactUrlFor = (request: FastifyRequest) => (row: MatrixRow) =>
  request.urls.pact(row.providerName, row.consumerName, row.consumerVersionNumber);

/** The matrix and can-i-deploy under the URLs the real broker links to: by integration, by tag, by branch. */
export async function canIDeployPathRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const schema = { response: { 200: openResponse, 400: errorResponse, 404: errorResponse } };

  app.get<{ Params: { provider: string; consumer: string } }>(
    '/matrix/provider/:provider/consumer/:consumer',
    { schema: { ...schema, params: providerConsumerParams } },
    async (request) => {
      const { provider, consumer } = request.params;
      const query = { ...(request.query as RackHash), q: [{ pacticipant: consumer }, { pacticipant: provider }] };
      const result = await computeMatrix(repos, parseMatrixQuery(query as RackHash), pactUrlFor(request));
      return matrixResource(request.urls, result);
    },
  );

  app.get<{ Params: { pacticipant: string; tag: string; to: string } }>(
    '/pacticipants/:pacticipant/latest-version/:tag/can-i-deploy/to/:to',
    { schema },
    async (request) => {
      const { pacticipant, tag, to } = request.params;
      const result = await computeMatrix(repos, canIDeployByTag(pacticipant, tag, to), pactUrlFor(request));
      return matrixResource(request.urls, result);
    },
  );

  app.get<{ Params: { pacticipant: string; branch: string; environment: string } }>(
    '/pacticipants/:pacticipant/branches/:branch/latest-version/can-i-deploy/to-environment/:environment',
    { schema },
    async (request) => {
      const { pacticipant, branch, environment } = request.params;
      const result = await computeMatrix(
        repos,
        canIDeployByBranch(pacticipant, branch, environment),
        pactUrlFor(request),
      );
      return matrixResource(request.urls, result);
    },
  );
}

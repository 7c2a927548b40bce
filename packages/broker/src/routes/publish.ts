import type { FastifyInstance } from 'fastify';
import { preparePublishRequest } from '../pacts/pact-jobs.ts';
import { publishContracts } from '../pacts/publish.ts';
import { publishResultResource } from '../representations/publish.ts';
import { queueForPublications } from '../webhooks/triggers.ts';
import { errorResponse, halResponse } from './schemas.ts';

/** `POST /contracts/publish` (pb:publish-contracts). */
export async function publishRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/contracts/publish',
    { schema: { response: { 200: halResponse, 400: errorResponse, 409: errorResponse } } },
    async (request) => {
      const command = await preparePublishRequest(request.body);
      const { webhooks } = app.broker;
      const result = await publishContracts(app.broker.repos, command, queueForPublications(webhooks, request.urls));
      webhooks.runner.wake();
      return publishResultResource(request.urls, result);
    },
  );
}

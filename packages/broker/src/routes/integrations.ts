import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../db/repositories.ts';
import { IntegrationNotFoundError } from '../errors.ts';
import { link } from '../hal.ts';
import { pageRequest, pageSection, pageWindow } from '../http/pagination.ts';
import { integrationResource, integrationsDot } from '../representations/integration.ts';
import { embeddedList, errorResponse, providerConsumerParams } from './schemas.ts';

const DOT = 'text/vnd.graphviz';
const WHOLE_LIST = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

const wants = (accept: string | string[] | undefined, type: string) =>
  (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).toLowerCase().includes(type);

/** `/integrations` (JSON, or the Graphviz dot file of the network) and deleting one integration. */
export async function integrationRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  app.get(
    '/integrations',
    { schema: { response: { 200: embeddedList('integrations'), 400: errorResponse } } },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const search = Object.hasOwn(query, 'q') && typeof query.q === 'string' && query.q !== '' ? query.q : undefined;
      if (wants(request.headers.accept, DOT)) {
        // The whole network: a picture of half of it would mislead.
        const { integrations } = await repos.integrations.list(WHOLE_LIST, search);
        return reply.type(`${DOT};charset=utf-8`).send(integrationsDot(integrations));
      }
      const page = pageRequest(request.query);
      const { integrations, total } = await repos.integrations.list(page ? pageWindow(page) : WHOLE_LIST, search);
      const details = pageSection(`${request.urls.base}/integrations`, page, total);
      return {
        _embedded: { integrations: integrations.map((i) => integrationResource(request.urls, i)) },
        ...(details.page !== undefined ? { page: details.page } : {}),
        _links: { self: link(`${request.urls.base}/integrations`, { title: 'Integrations' }), ...details.links },
      };
    },
  );

  app.delete<{ Params: { provider: string; consumer: string } }>(
    '/integrations/provider/:provider/consumer/:consumer',
    { schema: { params: providerConsumerParams, response: { 404: errorResponse } } },
    async (request, reply) => {
      const { provider, consumer } = request.params;
      const providerRow = await repos.pacticipants.findByName(provider);
      const consumerRow = await repos.pacticipants.findByName(consumer);
      if (!providerRow || !consumerRow || !(await repos.integrations.exists(consumerRow.id, providerRow.id))) {
        throw new IntegrationNotFoundError(consumer, provider);
      }
      await inTransaction(repos, (trx) => trx.integrations.delete(consumerRow.id, providerRow.id));
      return reply.code(204).send();
    },
  );
}

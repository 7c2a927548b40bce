import type { FastifyInstance } from 'fastify';
import { PacticipantNotFoundError, WebhookNotFoundError } from '../errors.ts';
import { link } from '../hal.ts';
import { webhookResource } from '../representations/webhook.ts';
import { parseWebhook } from '../webhooks/parse-webhook.ts';
import { errorResponse, halResponse, providerConsumerParams } from './schemas.ts';

const between = '/pacts/provider/:provider/consumer/:consumer';
const UUID = /^[0-9a-zA-Z_-]{10,}$/;
const responses = { 200: halResponse, 201: halResponse, 400: errorResponse, 404: errorResponse };

/** Webhooks: their definitions (running them: webhook-executions.ts). */
export async function webhookRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const allow = app.broker.webhooks.settings.allow;

  app.get('/webhooks', { schema: { response: { 200: halResponse } } }, async (request) => {
    const webhooks = await repos.webhooks.list();
    return {
      _embedded: { webhooks: webhooks.map((w) => webhookResource(request.urls, w)) },
      _links: {
        self: link(request.urls.webhooks(), { title: 'Webhooks' }),
        'pb:webhooks': webhooks.map((w) => link(request.urls.webhook(w.uuid), { title: w.description ?? 'Webhook' })),
      },
    };
  });

  app.post('/webhooks', { schema: { response: responses } }, async (request, reply) => {
    const created = await repos.webhooks.create(await parseWebhook(repos, request.body, {}, allow));
    const resource = webhookResource(request.urls, created);
    return reply.code(201).header('Location', resource._links.self.href).send(resource);
  });

  // The integration's webhooks, and the same under the pact's path where the first brokers served it.
  for (const url of ['/webhooks/provider/:provider/consumer/:consumer', `${between}/webhooks`]) {
    app.post<{ Params: { provider: string; consumer: string } }>(
      url,
      { schema: { params: providerConsumerParams, response: responses } },
      async (request, reply) => {
        const { provider, consumer } = request.params;
        for (const name of [consumer, provider]) {
          if (!(await repos.pacticipants.findByName(name))) throw new PacticipantNotFoundError(name);
        }
        const created = await repos.webhooks.create(
          await parseWebhook(repos, request.body, { provider, consumer }, allow),
        );
        const resource = webhookResource(request.urls, created);
        return reply.code(201).header('Location', resource._links.self.href).send(resource);
      },
    );
  }

  app.get<{ Params: { uuid: string } }>('/webhooks/:uuid', { schema: { response: responses } }, async (request) => {
    const webhook = await repos.webhooks.find(request.params.uuid);
    if (!webhook) throw new WebhookNotFoundError(request.params.uuid);
    return webhookResource(request.urls, webhook);
  });

  app.put<{ Params: { uuid: string } }>(
    '/webhooks/:uuid',
    { schema: { response: responses } },
    async (request, reply) => {
      const fields = await parseWebhook(repos, request.body, {}, allow);
      const existing = await repos.webhooks.find(request.params.uuid);
      if (existing) return webhookResource(request.urls, await repos.webhooks.update(existing.uuid, fields));
      if (!UUID.test(request.params.uuid)) throw new WebhookNotFoundError(request.params.uuid);
      return reply
        .code(201)
        .send(webhookResource(request.urls, await repos.webhooks.create(fields, request.params.uuid)));
    },
  );

  app.delete<{ Params: { uuid: string } }>(
    '/webhooks/:uuid',
    { schema: { response: { 404: errorResponse } } },
    async (request, reply) => {
      if (!(await repos.webhooks.find(request.params.uuid))) throw new WebhookNotFoundError(request.params.uuid);
      await repos.webhooks.delete(request.params.uuid);
      return reply.code(204).send();
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { Webhook } from '../db/webhooks-repository.ts';
import {
  PactNotFoundError,
  TriggeredWebhookNotFoundError,
  VerificationNotFoundError,
  WebhookNotFoundError,
} from '../errors.ts';
import {
  executionResultResource,
  triggeredWebhookLogsResource,
  triggeredWebhooksResource,
} from '../representations/triggered-webhook.ts';
import { parseWebhook } from '../webhooks/parse-webhook.ts';
import { renderRequest } from '../webhooks/request.ts';
import { sendWebhookRequest } from '../webhooks/send.ts';
import { testExecutionContext } from '../webhooks/test-context.ts';
import { errorResponse, halResponse, providerConsumerParams } from './schemas.ts';

const responses = { 200: halResponse, 400: errorResponse, 404: errorResponse };
const between = '/pacts/provider/:provider/consumer/:consumer';

/** Running webhooks by hand, and what ran for a pact or a verification result, with the logs. */
export async function webhookExecutionRoutes(app: FastifyInstance): Promise<void> {
  const { repos, webhooks } = app.broker;
  const maxAttempts = webhooks.settings.retrySchedule.length + 1;

  async function execute(
    urls: Parameters<typeof testExecutionContext>[1],
    webhook: Pick<Webhook, 'consumerId' | 'providerId' | 'events' | 'request'>,
  ) {
    const context = await testExecutionContext(repos, urls, webhook);
    return sendWebhookRequest(renderRequest(webhook.request, context), {
      allow: webhooks.settings.allow,
      timeoutMs: webhooks.settings.timeoutMs,
      clock: webhooks.clock,
    });
  }

  app.post<{ Params: { uuid: string } }>(
    '/webhooks/:uuid/execute',
    { schema: { response: responses } },
    async (request) => {
      const webhook = await repos.webhooks.find(request.params.uuid);
      if (!webhook) throw new WebhookNotFoundError(request.params.uuid);
      return executionResultResource(request.urls, await execute(request.urls, webhook), webhook.uuid);
    },
  );

  app.post('/webhooks/execute', { schema: { response: responses } }, async (request) => {
    const fields = await parseWebhook(repos, request.body, {}, webhooks.settings.allow);
    return executionResultResource(request.urls, await execute(request.urls, fields), undefined);
  });

  app.get<{ Params: { provider: string; consumer: string; version: string } }>(
    `${between}/version/:version/triggered-webhooks`,
    { schema: { params: providerConsumerParams, response: responses } },
    async (request) => {
      const { provider, consumer, version } = request.params;
      const providerRow = await repos.pacticipants.findByName(provider);
      const consumerRow = await repos.pacticipants.findByName(consumer);
      const versionRow = consumerRow && (await repos.versions.find(consumerRow.id, version));
      const publication =
        versionRow && providerRow && (await repos.pacts.findPublication(versionRow.id, providerRow.id));
      if (!publication || !providerRow) {
        throw new PactNotFoundError(`between consumer '${consumer}' version '${version}' and provider '${provider}'`);
      }
      const list = await repos.triggeredWebhooks.forPact(publication.consumerVersionId, providerRow.id);
      const self = request.urls.pactTriggeredWebhooks(provider, consumer, version);
      return triggeredWebhooksResource(
        request.urls,
        self,
        `Webhooks triggered by the publication of the pact between ${consumer} (${version}) and ${provider}`,
        list,
        maxAttempts,
      );
    },
  );

  app.get<{ Params: { provider: string; consumer: string; sha: string; number: string } }>(
    `${between}/pact-version/:sha/verification-results/:number/triggered-webhooks`,
    { schema: { params: providerConsumerParams, response: responses } },
    async (request) => {
      const { provider, consumer, sha, number } = request.params;
      const providerRow = await repos.pacticipants.findByName(provider);
      const consumerRow = await repos.pacticipants.findByName(consumer);
      const pactVersion =
        providerRow && consumerRow && (await repos.pacts.findPactVersion(consumerRow.id, providerRow.id, sha));
      const verification =
        pactVersion && /^\d+$/.test(number)
          ? await repos.verifications.find(pactVersion.id, Number(number))
          : undefined;
      if (!verification) {
        throw new VerificationNotFoundError(`number '${number}' for the pact between '${consumer}' and '${provider}'`);
      }
      const list = await repos.triggeredWebhooks.forVerification(verification.id);
      const self = request.urls.verificationTriggeredWebhooks(provider, consumer, sha, verification.number);
      return triggeredWebhooksResource(
        request.urls,
        self,
        `Webhooks triggered by the publication of verification result ${verification.number}`,
        list,
        maxAttempts,
      );
    },
  );

  app.get<{ Params: { uuid: string } }>(
    '/triggered-webhooks/:uuid/logs',
    { schema: { response: responses } },
    async (request, reply) => {
      const triggered = await repos.triggeredWebhooks.find(request.params.uuid);
      if (!triggered) throw new TriggeredWebhookNotFoundError(request.params.uuid);
      const executions = await repos.triggeredWebhooks.executions(triggered.id);
      const accept = String(request.headers.accept ?? '');
      if (accept.includes('text/plain') && !accept.includes('json')) {
        reply.type('text/plain; charset=utf-8');
        return executions.length > 0
          ? executions.map((e) => e.logs).join('\n')
          : 'Webhook has not executed yet. Please retry in a few seconds.';
      }
      return triggeredWebhookLogsResource(request.urls, triggered, executions);
    },
  );
}

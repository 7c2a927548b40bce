import type { TriggeredWebhook, WebhookExecution } from '../db/triggered-webhooks-repository.ts';
import { link, type Urls } from '../hal.ts';
import type { SendResult } from '../webhooks/send.ts';

const name = (t: TriggeredWebhook) => t.webhookDescription ?? `Webhook ${t.webhookUuid}`;

/** One entry of `pb:triggered-webhooks`: its state and where its logs are. */
export function triggeredWebhookResource(urls: Urls, t: TriggeredWebhook, maxAttempts: number) {
  const logs = urls.triggeredWebhookLogs(t.uuid);
  return {
    name: name(t),
    uuid: t.uuid,
    status: t.status,
    attemptsMade: t.attemptsMade,
    attemptsRemaining: ['success', 'failure'].includes(t.status) ? 0 : Math.max(0, maxAttempts - t.attemptsMade),
    triggerType: t.triggerType,
    eventName: t.eventName,
    triggeredAt: t.createdAt,
    _links: {
      'pb:logs': link(logs, { title: 'Webhook execution logs', name: name(t) }),
      logs: link(logs, { title: 'DEPRECATED - Use pb:logs', name: name(t) }),
      ...(t.webhookExists
        ? { 'pb:webhook': link(urls.webhook(t.webhookUuid), { title: 'Webhook', name: name(t) }) }
        : {}),
    },
  };
}

export function triggeredWebhooksResource(
  urls: Urls,
  self: string,
  title: string,
  list: TriggeredWebhook[],
  maxAttempts: number,
) {
  return {
    _embedded: { triggeredWebhooks: list.map((t) => triggeredWebhookResource(urls, t, maxAttempts)) },
    _links: { self: link(self, { title }) },
  };
}

export function triggeredWebhookLogsResource(urls: Urls, t: TriggeredWebhook, executions: WebhookExecution[]) {
  return {
    eventName: t.eventName,
    consumerName: t.consumerName,
    providerName: t.providerName,
    _embedded: { triggeredWebhook: { uuid: t.uuid } },
    executions: executions.map((e) => ({ success: e.success, logs: e.logs, createdAt: e.createdAt })),
    _links: {
      self: link(urls.triggeredWebhookLogs(t.uuid), { title: 'Triggered webhook logs' }),
      ...(t.webhookExists ? { 'pb:webhook': link(urls.webhook(t.webhookUuid), { title: 'Webhook' }) } : {}),
    },
  };
}

/** The answer to `…/execute`: what was sent and what came back, secrets redacted; bodies as the logs allow. */
export function executionResultResource(urls: Urls, result: SendResult, webhookUuid: string | undefined) {
  const shown = result.response?.body !== undefined;
  return {
    ...(result.error !== undefined ? { error: { message: result.error } } : {}),
    request: result.request,
    ...(result.response
      ? {
          response: {
            status: result.response.status,
            headers: result.response.headers,
            ...(shown ? { body: result.response.body } : {}),
          },
        }
      : {}),
    ...(result.response && !shown
      ? {
          message: 'The response body is hidden for security reasons: set BROKER_WEBHOOK_HOST_WHITELIST to show it.',
        }
      : {}),
    logs: result.logs,
    success: result.success,
    _links: {
      ...(webhookUuid ? { webhook: link(urls.webhook(webhookUuid)) } : {}),
      'try-again': link(webhookUuid ? urls.executeWebhook(webhookUuid) : urls.executeUnsavedWebhook(), {
        title: 'Execute the webhook again',
      }),
    },
  };
}

import type { Webhook } from '../db/webhooks-repository.ts';
import { link, type Urls } from '../hal.ts';
import { isJsonObject } from '../pacts/content.ts';
import { REDACTED, redactHeaders } from '../webhooks/request.ts';

function party(name: string | null, label: string | null) {
  if (name !== null) return { name };
  if (label !== null) return { label };
  return undefined;
}

/** A stored webhook; the password and secret-bearing headers (Authorization, tokens…) are never echoed back. */
export function webhookResource(urls: Urls, webhook: Webhook) {
  const consumer = party(webhook.consumerName, webhook.consumerLabel);
  const provider = party(webhook.providerName, webhook.providerLabel);
  const { password, headers, ...rest } = webhook.request;
  const request = isJsonObject(headers)
    ? { ...rest, headers: redactHeaders(headers) }
    : { ...rest, ...(headers !== undefined ? { headers } : {}) };
  return {
    uuid: webhook.uuid,
    description: webhook.description,
    ...(consumer ? { consumer } : {}),
    ...(provider ? { provider } : {}),
    enabled: webhook.enabled,
    events: webhook.events,
    request: password === undefined ? request : { ...request, password: REDACTED },
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
    _links: {
      self: link(urls.webhook(webhook.uuid), { title: webhook.description ?? 'Webhook' }),
      'pb:webhooks': link(urls.webhooks(), { title: 'All webhooks' }),
      ...(webhook.consumerName
        ? { 'pb:consumer': link(urls.pacticipant(webhook.consumerName), { name: webhook.consumerName }) }
        : {}),
      ...(webhook.providerName
        ? { 'pb:provider': link(urls.pacticipant(webhook.providerName), { name: webhook.providerName }) }
        : {}),
    },
  };
}

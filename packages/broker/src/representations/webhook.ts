import type { Webhook } from '../db/webhooks-repository.ts';
import { link, type Urls } from '../hal.ts';

function party(name: string | null, label: string | null) {
  if (name !== null) return { name };
  if (label !== null) return { label };
  return undefined;
}

/** A stored webhook; the request password is never echoed back. */
export function webhookResource(urls: Urls, webhook: Webhook) {
  const consumer = party(webhook.consumerName, webhook.consumerLabel);
  const provider = party(webhook.providerName, webhook.providerLabel);
  const { password, ...request } = webhook.request;
  return {
    uuid: webhook.uuid,
    description: webhook.description,
    ...(consumer ? { consumer } : {}),
    ...(provider ? { provider } : {}),
    enabled: webhook.enabled,
    events: webhook.events,
    request: password === undefined ? request : { ...request, password: '**********' },
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

import type { Repositories } from '../db/repositories.ts';
import type { WebhookFields } from '../db/webhooks-repository.ts';
import { BrokerValidationError } from '../errors.ts';
import { isJsonObject, type JsonObject } from '../pacts/content.ts';
import { allowListProblem, type WebhookAllowList } from './allow-list.ts';

export const WEBHOOK_EVENTS = [
  'contract_published',
  'contract_content_changed',
  'contract_requiring_verification_published',
  'provider_verification_published',
  'provider_verification_succeeded',
  'provider_verification_failed',
];

/** The event a webhook defined without `events` runs on. */
export const DEFAULT_WEBHOOK_EVENT = 'contract_content_changed';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The pacticipants a webhook is scoped to, from the path (`/webhooks/provider/P/consumer/C`) or the body. */
export interface WebhookScope {
  consumer?: string;
  provider?: string;
}

async function party(
  repos: Repositories,
  role: 'consumer' | 'provider',
  fromPath: string | undefined,
  fromBody: unknown,
  add: (field: string, message: string) => void,
): Promise<{ id: number | null; label: string | null }> {
  const name = fromPath ?? (isJsonObject(fromBody) && typeof fromBody.name === 'string' ? fromBody.name : undefined);
  const label = isJsonObject(fromBody) && typeof fromBody.label === 'string' ? fromBody.label : null;
  if (fromBody !== undefined && fromBody !== null && !isJsonObject(fromBody)) add(role, 'must be an object');
  // One or the other: a webhook for a named pacticipant and for a label at once would be two webhooks.
  if (name !== undefined && label !== null) add(`${role}.label`, 'cannot be given together with name');
  if (name === undefined) return { id: null, label };
  const row = await repos.pacticipants.findByName(name);
  if (!row) add(`${role}.name`, `No ${role} with name '${name}' found`);
  return { id: row?.id ?? null, label };
}

/** Checks a webhook definition; with an allow-list, its URL must be one the broker may call. */
export async function parseWebhook(
  repos: Repositories,
  body: unknown,
  scope: WebhookScope = {},
  allow?: WebhookAllowList,
): Promise<WebhookFields> {
  if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const consumer = await party(repos, 'consumer', scope.consumer, body.consumer, add);
  const provider = await party(repos, 'provider', scope.provider, body.provider, add);

  // Left out, a webhook runs when the pact content changes (the real broker's default event).
  const events = body.events ?? [{ name: DEFAULT_WEBHOOK_EVENT }];
  if (!Array.isArray(events) || events.length === 0) add('events', 'must be a non-empty list');
  else {
    events.forEach((event, index) => {
      if (!isJsonObject(event) || typeof event.name !== 'string' || !WEBHOOK_EVENTS.includes(event.name)) {
        add(`events[${index}].name`, `must be one of ${WEBHOOK_EVENTS.join(', ')}`);
      }
    });
  }

  const request = body.request;
  if (!isJsonObject(request)) add('request', 'is missing');
  else {
    if (typeof request.method !== 'string' || !METHODS.includes(request.method.toUpperCase())) {
      add('request.method', `must be one of ${METHODS.join(', ')}`);
    }
    if (request.url === undefined) add('request.url', 'is missing');
    else if (!isHttpUrl(request.url)) add('request.url', 'must be a valid http or https URL');
    else if (allow) {
      const problem = allowListProblem(request.url as string, allow);
      if (problem !== undefined) add('request.url', problem);
    }
    if (request.headers !== undefined && !isJsonObject(request.headers)) add('request.headers', 'must be an object');
  }
  if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') {
    add('description', 'must be a string');
  }
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') add('enabled', 'must be boolean');
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);

  return {
    description: (body.description as string | null | undefined) ?? null,
    consumerId: consumer.id,
    consumerLabel: consumer.label,
    providerId: provider.id,
    providerLabel: provider.label,
    events: (events as JsonObject[]).map((e) => ({ name: e.name as string })),
    request: request as JsonObject,
    enabled: body.enabled !== false,
  };
}

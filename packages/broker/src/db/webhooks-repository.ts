import { randomUUID } from 'node:crypto';
import type { Clock, Db } from './database.ts';

export interface Webhook {
  id: number;
  uuid: string;
  description: string | null;
  consumerId: number | null;
  consumerName: string | null;
  consumerLabel: string | null;
  providerId: number | null;
  providerName: string | null;
  providerLabel: string | null;
  events: { name: string }[];
  request: Record<string, unknown>;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookFields {
  description: string | null;
  consumerId: number | null;
  consumerLabel: string | null;
  providerId: number | null;
  providerLabel: string | null;
  events: { name: string }[];
  request: Record<string, unknown>;
  enabled: boolean;
}

export function createWebhooksRepository(db: Db, now: Clock) {
  const base = () =>
    db
      .selectFrom('webhooks as w')
      .leftJoin('pacticipants as c', 'c.id', 'w.consumer_id')
      .leftJoin('pacticipants as p', 'p.id', 'w.provider_id')
      .selectAll('w')
      .select(['c.name as consumer_name', 'p.name as provider_name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toWebhook = (r: Row): Webhook => ({
    id: r.id,
    uuid: r.uuid,
    description: r.description,
    consumerId: r.consumer_id,
    consumerName: r.consumer_name,
    consumerLabel: r.consumer_label,
    providerId: r.provider_id,
    providerName: r.provider_name,
    providerLabel: r.provider_label,
    events: JSON.parse(r.events) as { name: string }[],
    request: JSON.parse(r.request) as Record<string, unknown>,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const columns = (fields: WebhookFields) => ({
    description: fields.description,
    consumer_id: fields.consumerId,
    consumer_label: fields.consumerLabel,
    provider_id: fields.providerId,
    provider_label: fields.providerLabel,
    events: JSON.stringify(fields.events),
    request: JSON.stringify(fields.request),
    enabled: fields.enabled ? (1 as const) : (0 as const),
  });

  return {
    async find(uuid: string): Promise<Webhook | undefined> {
      const row = await base().where('w.uuid', '=', uuid).executeTakeFirst();
      return row && toWebhook(row);
    },

    /**
     * Enabled webhooks for an event between two pacticipants: scoped to them, to a label one of them carries, or
     * to no one.
     */
    async toTrigger(consumerId: number, providerId: number, eventName: string): Promise<Webhook[]> {
      const rows = await base()
        .where('w.enabled', '=', 1)
        .where((eb) => eb.or([eb('w.consumer_id', 'is', null), eb('w.consumer_id', '=', consumerId)]))
        .where((eb) => eb.or([eb('w.provider_id', 'is', null), eb('w.provider_id', '=', providerId)]))
        .where((eb) =>
          eb.or([
            eb('w.consumer_label', 'is', null),
            eb.exists(
              eb
                .selectFrom('labels as cl')
                .select('cl.name')
                .where('cl.pacticipant_id', '=', consumerId)
                .whereRef('cl.name', '=', 'w.consumer_label'),
            ),
          ]),
        )
        .where((eb) =>
          eb.or([
            eb('w.provider_label', 'is', null),
            eb.exists(
              eb
                .selectFrom('labels as pl')
                .select('pl.name')
                .where('pl.pacticipant_id', '=', providerId)
                .whereRef('pl.name', '=', 'w.provider_label'),
            ),
          ]),
        )
        .orderBy('w.id')
        .execute();
      return rows.map(toWebhook).filter((w) => w.events.some((e) => e.name === eventName));
    },

    async list(): Promise<Webhook[]> {
      return (await base().orderBy('w.id').execute()).map(toWebhook);
    },

    async create(fields: WebhookFields, uuid: string = randomUUID()): Promise<Webhook> {
      const at = now().toISOString();
      await db
        .insertInto('webhooks')
        .values({ uuid, ...columns(fields), created_at: at, updated_at: at })
        .execute();
      return toWebhook(await base().where('w.uuid', '=', uuid).executeTakeFirstOrThrow());
    },

    async update(uuid: string, fields: WebhookFields): Promise<Webhook> {
      await db
        .updateTable('webhooks')
        .set({ ...columns(fields), updated_at: now().toISOString() })
        .where('uuid', '=', uuid)
        .execute();
      return toWebhook(await base().where('w.uuid', '=', uuid).executeTakeFirstOrThrow());
    },

    async delete(uuid: string): Promise<void> {
      await db.deleteFrom('webhooks').where('uuid', '=', uuid).execute();
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;

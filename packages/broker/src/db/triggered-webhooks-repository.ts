import type { DatabaseKind } from '@contract-kit/service-common';
import type { Db } from './database.ts';
import type { Flag, TriggeredWebhookRow, TriggeredWebhookStatus } from './schema.ts';

export interface NewTriggeredWebhook {
  uuid: string;
  webhookUuid: string;
  eventName: string;
  triggerType: 'resource_creation' | 'user';
  consumerId: number;
  providerId: number;
  consumerVersionId: number | null;
  verificationId: number | null;
  context: Record<string, string>;
  /** ISO time: when it is first due. */
  at: string;
}

export interface TriggeredWebhook {
  id: number;
  uuid: string;
  webhookUuid: string;
  /** The webhook's description, or null once the webhook is deleted or when it has none. */
  webhookDescription: string | null;
  webhookExists: boolean;
  eventName: string;
  triggerType: string;
  consumerName: string;
  providerName: string;
  context: Record<string, string>;
  status: TriggeredWebhookStatus;
  attemptsMade: number;
  nextAttemptAt: string;
  createdAt: string;
}

export interface WebhookExecution {
  success: boolean;
  logs: string;
  createdAt: string;
}

export interface TriggeredWebhookWithAttempts extends TriggeredWebhook {
  attempts: WebhookExecution[];
}

export interface AttemptOutcome {
  success: boolean;
  logs: string;
  status: TriggeredWebhookStatus;
  attemptsMade: number;
  nextAttemptAt: string;
  at: string;
}

/** Executions and queue rows; times are passed in by the caller, whose clock schedules retries. */
export function createTriggeredWebhooksRepository(db: Db, kind: DatabaseKind) {
  const base = () =>
    db
      .selectFrom('triggered_webhooks as tw')
      .innerJoin('pacticipants as c', 'c.id', 'tw.consumer_id')
      .innerJoin('pacticipants as p', 'p.id', 'tw.provider_id')
      .leftJoin('webhooks as w', 'w.uuid', 'tw.webhook_uuid')
      .selectAll('tw')
      .select(['c.name as consumer_name', 'p.name as provider_name', 'w.description', 'w.id as webhook_id']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toTriggered = (r: Row): TriggeredWebhook => ({
    id: r.id,
    uuid: r.uuid,
    webhookUuid: r.webhook_uuid,
    webhookDescription: r.description ?? null,
    webhookExists: r.webhook_id !== null,
    eventName: r.event_name,
    triggerType: r.trigger_type,
    consumerName: r.consumer_name,
    providerName: r.provider_name,
    context: JSON.parse(r.context) as Record<string, string>,
    status: r.status,
    attemptsMade: r.attempts_made,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
  });

  return {
    async insert(rows: readonly NewTriggeredWebhook[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('triggered_webhooks')
        .values(
          rows.map((r) => ({
            uuid: r.uuid,
            webhook_uuid: r.webhookUuid,
            event_name: r.eventName,
            trigger_type: r.triggerType,
            consumer_id: r.consumerId,
            provider_id: r.providerId,
            consumer_version_id: r.consumerVersionId,
            verification_id: r.verificationId,
            context: JSON.stringify(r.context),
            status: 'not_run' as const,
            attempts_made: 0,
            next_attempt_at: r.at,
            lease_until: null,
            created_at: r.at,
            updated_at: r.at,
          })),
        )
        .execute();
    },

    /**
     * Takes up to `limit` due rows for this instance until `leaseUntil`. On PostgreSQL the candidates are locked
     * with SKIP LOCKED, so two instances never take the same row; SQLite has one writer at a time anyway.
     * A lease that ran out (an instance died mid-attempt) makes the row due again.
     */
    async claimDue(at: string, leaseUntil: string, limit: number): Promise<TriggeredWebhookRow[]> {
      return db.transaction().execute(async (trx) => {
        let due = trx
          .selectFrom('triggered_webhooks')
          .select('id')
          .where('status', 'in', ['not_run', 'retrying'])
          .where('next_attempt_at', '<=', at)
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit);
        if (kind === 'postgres') due = due.forUpdate().skipLocked();
        const ids = (await due.execute()).map((r) => r.id);
        if (ids.length === 0) return [];
        return trx
          .updateTable('triggered_webhooks')
          .set({ lease_until: leaseUntil })
          .where('id', 'in', ids)
          .returningAll()
          .execute();
      });
    },

    /** Stores one attempt's log and the row's next state, and gives the lease up. */
    async recordAttempt(id: number, outcome: AttemptOutcome): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhook_executions')
          .values({
            triggered_webhook_id: id,
            success: (outcome.success ? 1 : 0) as Flag,
            logs: outcome.logs,
            created_at: outcome.at,
          })
          .execute();
        await trx
          .updateTable('triggered_webhooks')
          .set({
            status: outcome.status,
            attempts_made: outcome.attemptsMade,
            next_attempt_at: outcome.nextAttemptAt,
            lease_until: null,
            updated_at: outcome.at,
          })
          .where('id', '=', id)
          .execute();
      });
    },

    async find(uuid: string): Promise<TriggeredWebhook | undefined> {
      const row = await base().where('tw.uuid', '=', uuid).executeTakeFirst();
      return row && toTriggered(row);
    },

    async forPact(consumerVersionId: number, providerId: number): Promise<TriggeredWebhook[]> {
      const rows = await base()
        .where('tw.consumer_version_id', '=', consumerVersionId)
        .where('tw.provider_id', '=', providerId)
        .where('tw.verification_id', 'is', null)
        .orderBy('tw.id')
        .execute();
      return rows.map(toTriggered);
    },

    async forVerification(verificationId: number): Promise<TriggeredWebhook[]> {
      const rows = await base().where('tw.verification_id', '=', verificationId).orderBy('tw.id').execute();
      return rows.map(toTriggered);
    },

    /** The latest `limit` triggered webhooks, newest first, each with its attempts: two queries in all. */
    async latestWithAttempts(limit: number): Promise<TriggeredWebhookWithAttempts[]> {
      const rows = await base().orderBy('tw.id', 'desc').limit(limit).execute();
      const byId = new Map(rows.map((r) => [r.id, { ...toTriggered(r), attempts: [] as WebhookExecution[] }]));
      if (byId.size === 0) return [];
      const executions = await db
        .selectFrom('webhook_executions')
        .select(['triggered_webhook_id', 'success', 'logs', 'created_at'])
        .where('triggered_webhook_id', 'in', [...byId.keys()])
        .orderBy('id')
        .execute();
      for (const e of executions) {
        byId
          .get(e.triggered_webhook_id)
          ?.attempts.push({ success: e.success === 1, logs: e.logs, createdAt: e.created_at });
      }
      return [...byId.values()];
    },

    async executions(triggeredWebhookId: number): Promise<WebhookExecution[]> {
      const rows = await db
        .selectFrom('webhook_executions')
        .selectAll()
        .where('triggered_webhook_id', '=', triggeredWebhookId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ success: r.success === 1, logs: r.logs, createdAt: r.created_at }));
    },
  };
}

export type TriggeredWebhooksRepository = ReturnType<typeof createTriggeredWebhooksRepository>;

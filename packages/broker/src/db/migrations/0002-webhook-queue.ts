import type { Kysely } from 'kysely';
import { idColumn } from './columns.ts';

/**
 * The webhook queue: one row per (webhook, event occurrence), written in the transaction that caused the event,
 * so a restart loses nothing pending; and one row per attempt, with its log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('triggered_webhooks')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('webhook_uuid', 'text', (c) => c.notNull())
    .addColumn('event_name', 'text', (c) => c.notNull())
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('consumer_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('consumer_version_id', 'integer', (c) => c.references('versions.id').onDelete('cascade'))
    .addColumn('verification_id', 'integer', (c) => c.references('verifications.id').onDelete('cascade'))
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts_made', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('triggered_webhooks_due')
    .on('triggered_webhooks')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('triggered_webhooks_pact')
    .on('triggered_webhooks')
    .columns(['consumer_version_id', 'provider_id'])
    .execute();
  await db.schema
    .createIndex('triggered_webhooks_verification')
    .on('triggered_webhooks')
    .column('verification_id')
    .execute();

  await db.schema
    .createTable('webhook_executions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('triggered_webhook_id', 'integer', (c) =>
      c.notNull().references('triggered_webhooks.id').onDelete('cascade'),
    )
    .addColumn('success', 'integer', (c) => c.notNull())
    .addColumn('logs', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_executions_triggered')
    .on('webhook_executions')
    .column('triggered_webhook_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_executions').execute();
  await db.schema.dropTable('triggered_webhooks').execute();
}

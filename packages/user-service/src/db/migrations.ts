import type { DatabaseKind } from '@contract-kit/service-common';
import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';

/** Auto-increment ids are the one place the dialects differ in DDL; both accept explicit ids. */
function autoId(kind: DatabaseKind) {
  return (col: ColumnDefinitionBuilder) =>
    kind === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

function timestampType(kind: DatabaseKind) {
  return kind === 'postgres' ? 'timestamptz' : 'text';
}

/** The same migrations for SQLite and PostgreSQL; `kind` only picks id and timestamp column types. */
export function createMigrations(kind: DatabaseKind): Record<string, Migration> {
  return {
    '0001_create_users': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'integer', autoId(kind))
          .addColumn('name', 'varchar(200)', (col) => col.notNull())
          .addColumn('email', 'varchar(320)', (col) => col.notNull())
          .addColumn('status', 'varchar(16)', (col) => col.notNull())
          .addColumn('street', 'varchar(200)', (col) => col.notNull())
          .addColumn('city', 'varchar(200)', (col) => col.notNull())
          .addColumn('postal_code', 'varchar(32)', (col) => col.notNull())
          .addColumn('country', 'varchar(2)', (col) => col.notNull())
          .addColumn('created_at', timestampType(kind), (col) => col.notNull())
          .addUniqueConstraint('users_email_unique', ['email'])
          .addCheckConstraint('users_status_check', sql`status in ('active', 'suspended')`)
          .execute();
        await db.schema.createIndex('users_status_idx').on('users').column('status').execute();
      },
    },
    '0002_create_api_tokens': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('api_tokens')
          .addColumn('id', 'integer', autoId(kind))
          .addColumn('name', 'varchar(200)', (col) => col.notNull())
          .addColumn('token_hash', 'varchar(64)', (col) => col.notNull())
          .addColumn('scopes', 'varchar(500)', (col) => col.notNull())
          .addColumn('created_at', timestampType(kind), (col) => col.notNull())
          .addUniqueConstraint('api_tokens_token_hash_unique', ['token_hash'])
          .execute();
      },
    },
    '0003_create_outbox': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('outbox')
          .addColumn('id', 'integer', autoId(kind))
          .addColumn('event_id', 'varchar(36)', (col) => col.notNull())
          .addColumn('type', 'varchar(64)', (col) => col.notNull())
          .addColumn('user_id', 'integer', (col) => col.notNull())
          .addColumn('sequence', 'integer', (col) => col.notNull())
          .addColumn('payload', 'text', (col) => col.notNull())
          .addColumn('occurred_at', timestampType(kind), (col) => col.notNull())
          .addColumn('published_at', timestampType(kind))
          .addUniqueConstraint('outbox_event_id_unique', ['event_id'])
          // Two changes of one user can never get the same number, even from concurrent transactions.
          .addUniqueConstraint('outbox_user_sequence_unique', ['user_id', 'sequence'])
          .execute();
        await db.schema.createIndex('outbox_unpublished_idx').on('outbox').columns(['published_at', 'id']).execute();
      },
    },
  };
}

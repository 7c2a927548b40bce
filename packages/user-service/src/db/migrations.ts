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
  };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, isPostgresUrl, migrateToLatest, openDatabase } from '@contract-kit/service-common';
import { type Kysely, sql } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { BrokerDatabase } from './schema.ts';

export type Db = Kysely<BrokerDatabase>;
export type Clock = () => Date;

export const MEMORY = ':memory:';

export interface BrokerDatabaseOptions {
  /** A directory for `broker.sqlite`, or `:memory:`; ignored when `databaseUrl` is given. */
  dataDir: string;
  /** `postgres://…`: the broker's tables live in that PostgreSQL database instead (BROKER_DATABASE_URL). */
  databaseUrl?: string;
  /** PostgreSQL only: the schema to keep the tables in, created when missing (BROKER_DATABASE_SCHEMA). */
  databaseSchema?: string;
}

/** Opens the broker's database (SQLite by default, PostgreSQL given a URL), migrated to the latest schema. */
export async function openBrokerDatabase(options: BrokerDatabaseOptions): Promise<Database<BrokerDatabase>> {
  if (options.databaseUrl !== undefined && isPostgresUrl(options.databaseUrl)) {
    const open = () =>
      openDatabase<BrokerDatabase>({
        url: options.databaseUrl as string,
        ...(options.databaseSchema ? { schema: options.databaseSchema } : {}),
      });
    // Instances starting together race on `create schema if not exists`: the loser finds the schema made.
    const database = await open().catch((err: unknown) => {
      if (isUniqueViolation((err as { cause?: unknown }).cause ?? {})) return open();
      throw err;
    });
    await migrateWithLock(database.db);
    return database;
  }
  let url = MEMORY;
  if (options.dataDir !== MEMORY) {
    mkdirSync(options.dataDir, { recursive: true });
    url = join(options.dataDir, 'broker.sqlite');
  }
  const database = await openDatabase<BrokerDatabase>({ url });
  // WAL makes NORMAL durable against application crashes; FULL would fsync every publish.
  await sql`pragma synchronous = normal`.execute(database.db);
  await migrateToLatest(database.db, migrations);
  return database;
}

/**
 * Instances starting together on one PostgreSQL database would race to create the same tables: the first to take
 * this advisory lock migrates, the others wait and then find nothing left to do.
 */
async function migrateWithLock(db: Db): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(current_schema() || '.contract_kit_broker_migrations'))`.execute(
      connection,
    );
    try {
      await migrateToLatest(connection, migrations);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(current_schema() || '.contract_kit_broker_migrations'))`.execute(
        connection,
      );
    }
  });
}

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  // 23505: PostgreSQL's unique_violation.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

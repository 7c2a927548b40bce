import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, migrateToLatest, openDatabase } from '@contract-kit/service-common';
import { type Kysely, sql } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { BrokerDatabase } from './schema.ts';

export type Db = Kysely<BrokerDatabase>;
export type Clock = () => Date;

export const MEMORY = ':memory:';

/** Opens (creating when needed) `<dataDir>/broker.sqlite`, or an in-memory database, migrated to the latest schema. */
export async function openBrokerDatabase(dataDir: string): Promise<Database<BrokerDatabase>> {
  let url = MEMORY;
  if (dataDir !== MEMORY) {
    mkdirSync(dataDir, { recursive: true });
    url = join(dataDir, 'broker.sqlite');
  }
  const database = await openDatabase<BrokerDatabase>({ url });
  // WAL makes NORMAL durable against application crashes; FULL would fsync every publish.
  await sql`pragma synchronous = normal`.execute(database.db);
  await migrateToLatest(database.db, migrations);
  return database;
}

export function isUniqueViolation(err: unknown): boolean {
  return (
    (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

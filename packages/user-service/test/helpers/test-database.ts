import { randomBytes } from 'node:crypto';
import { type Database, dropSchema, migrateToLatest, openDatabase } from '@contract-kit/service-common';
import { createMigrations } from '../../src/db/migrations.ts';
import type { UserDatabase } from '../../src/db/schema.ts';

export interface TestDatabaseTarget {
  url: string;
  schema?: string;
  /** Removes what the target left behind (the PostgreSQL schema); a no-op for SQLite `:memory:`. */
  dispose(): Promise<void>;
}

/**
 * An isolated database: SQLite `:memory:`, or, when DATABASE_URL is set (scripts/with-postgres.sh),
 * a fresh PostgreSQL schema of its own, so test files can run in parallel against one server.
 */
export function testDatabaseTarget(): TestDatabaseTarget {
  const url = process.env.DATABASE_URL;
  if (!url) return { url: ':memory:', dispose: async () => {} };
  const schema = `t_${randomBytes(8).toString('hex')}`;
  return { url, schema, dispose: () => dropSchema(url, schema) };
}

export interface TestDatabase {
  database: Database<UserDatabase>;
  close(): Promise<void>;
}

/** A migrated, isolated database for repository and seeding tests. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const target = testDatabaseTarget();
  const database = await openDatabase<UserDatabase>({
    url: target.url,
    ...(target.schema === undefined ? {} : { schema: target.schema }),
  });
  await migrateToLatest(database.db, createMigrations(database.kind));
  return {
    database,
    async close() {
      await database.close();
      await target.dispose();
    },
  };
}

import type { DatabaseKind } from '@contract-kit/service-common';
import { type Kysely, PostgresAdapter } from 'kysely';

/** For code that only holds a Kysely instance (seeding functions) and must branch on the dialect. */
export function kindOf<DB>(db: Kysely<DB>): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** True when `err` is a violation of the unique constraint named `constraint` on `table.column`. */
export function isUniqueViolation(err: unknown, table: string, column: string, constraint: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const {
    code,
    constraint: pgConstraint,
    message,
  } = err as { code?: unknown; constraint?: unknown; message?: unknown };
  // PostgreSQL: SQLSTATE 23505 names the constraint.
  if (code === '23505') return pgConstraint === constraint;
  // SQLite (better-sqlite3): the extended result code, and the column in SQLite's fixed message format.
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return typeof message === 'string' && message.includes(`${table}.${column}`);
  }
  return false;
}

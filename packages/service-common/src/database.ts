import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import { DatabaseError, StartErrorCodes } from './errors.ts';
import { introspectingOnly } from './schema-introspector.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** A `postgres://` / `postgresql://` URL selects PostgreSQL; anything else is a SQLite file path or `:memory:`. */
  url: string;
  /**
   * PostgreSQL only: the schema every connection works in, created when missing. Lets several
   * isolated databases (parallel test files, verification shards) share one server.
   */
  schema?: string;
}

export interface Database<DB> {
  readonly db: Kysely<DB>;
  readonly kind: DatabaseKind;
  /** Human-readable target for logs: never includes a password. */
  readonly description: string;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase<DB>(options: DatabaseOptions): Promise<Database<DB>> {
  if (!isPostgresUrl(options.url)) {
    const sqlite = new SqliteDatabase(options.url);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, kind: 'sqlite', description: `sqlite:${options.url}`, close: () => db.destroy() };
  }

  const { schema } = options;
  if (schema !== undefined && !schemaNamePattern.test(schema)) {
    throw new DatabaseError(StartErrorCodes.dbBadSchemaName, `Schema name "${schema}" must match ${schemaNamePattern}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const description = `${redact(options.url)}${schema ? ` (schema ${schema})` : ''}`;
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    else await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy();
    throw new DatabaseError(
      StartErrorCodes.dbUnreachable,
      `Cannot connect to PostgreSQL at ${description}: ${(err as Error).message}. Check DATABASE_URL and that the server is running.`,
      err,
    );
  }
  return { db, kind: 'postgres', description, close: () => db.destroy() };
}

/** Drops a PostgreSQL schema and everything in it; used to clean up isolated test databases. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!schemaNamePattern.test(schema))
    throw new DatabaseError(StartErrorCodes.dbBadSchemaName, `Bad schema name "${schema}"`);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await pool.end();
  }
}

/** Runs every pending migration, in name order; throws with the failing migration's name. */
export async function migrateToLatest<DB>(db: Kysely<DB>, migrations: Record<string, Migration>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Kysely looks for its migration tables in every schema unless told which one: with several isolated
  // schemas on one server it would find another schema's tables and skip creating its own.
  const migrationTableSchema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  // Its check for those tables reads the catalogue: of that schema only, or a schema that another database drops
  // at that moment fails this migration (see SchemaIntrospector).
  const migrator = new Migrator({
    db: (migrationTableSchema ? introspectingOnly(db, migrationTableSchema) : db) as Kysely<unknown>,
    provider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new DatabaseError(
      StartErrorCodes.dbMigrationFailed,
      `Migration "${failed}" failed: ${(error as Error).message}`,
      error,
    );
  }
}

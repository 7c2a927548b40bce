import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { dropSchema, migrateToLatest, openDatabase } from './database.ts';
import { DatabaseError, StartErrorCodes } from './errors.ts';

/** A PostgreSQL URL on a port nothing listens on: connections are refused at once. */
async function refusingPostgresUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `postgres://app:s3cret-password@127.0.0.1:${port}/app`;
}

describe('openDatabase', () => {
  it('refuses a schema name that is not a plain identifier with DB_BAD_SCHEMA_NAME, before connecting', async () => {
    const err = await openDatabase({ url: await refusingPostgresUrl(), schema: 'Robert"); drop' }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseError);
    expect(err).toMatchObject({ code: StartErrorCodes.dbBadSchemaName });
  });

  it('reports an unreachable PostgreSQL as DB_UNREACHABLE, naming the URL without its password', async () => {
    const url = await refusingPostgresUrl();
    const err = await openDatabase({ url }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseError);
    expect(err.code).toBe(StartErrorCodes.dbUnreachable);
    expect(err.message).toContain(url.replace('s3cret-password', '***'));
    expect(err.message).not.toContain('s3cret-password');
    expect(err.message).toMatch(/Check DATABASE_URL and that the server is running\.$/);
  });
});

describe('migrateToLatest', () => {
  it('names the failing migration with DB_MIGRATION_FAILED and keeps the ones before it', async () => {
    const database = await openDatabase({ url: ':memory:' });
    try {
      const err = await migrateToLatest(database.db, {
        '001_ok': { up: async (db) => void (await db.schema.createTable('kept').addColumn('id', 'integer').execute()) },
        '002_broken': {
          up: async () => {
            throw new Error('column "x" does not exist');
          },
        },
      }).catch((e) => e);
      expect(err).toBeInstanceOf(DatabaseError);
      expect(err).toMatchObject({
        code: StartErrorCodes.dbMigrationFailed,
        message: 'Migration "002_broken" failed: column "x" does not exist',
      });
      const tables = await database.db.introspection.getTables();
      expect(tables.map((table) => table.name)).toContain('kept');
    } finally {
      await database.close();
    }
  });
});

describe('dropSchema', () => {
  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(dropSchema(await refusingPostgresUrl(), 'a;b')).rejects.toMatchObject({
      code: StartErrorCodes.dbBadSchemaName,
    });
  });
});

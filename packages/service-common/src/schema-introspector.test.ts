import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, isPostgresUrl, migrateToLatest, openDatabase } from './database.ts';
import { introspectingOnly, SchemaIntrospector } from './schema-introspector.ts';

// Runs on PostgreSQL only (DATABASE_URL=postgres://…, as `.ci/run` sets it); SQLite has one schema per file.
const url = process.env.DATABASE_URL ?? '';
const schemas = ['a', 'b'].map((side) => `introspect_${side}_${randomUUID().replaceAll('-', '')}`);

describe.skipIf(!isPostgresUrl(url))('SchemaIntrospector on PostgreSQL', () => {
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(url, schema);
  });

  async function schemaWithTable(schema: string, table: string) {
    const database = await openDatabase({ url, schema });
    await migrateToLatest(database.db, {
      '001': { up: async (db) => void (await db.schema.createTable(table).addColumn('id', 'serial').execute()) },
    });
    return database;
  }

  it("lists its own schema's tables and none of another schema's", async () => {
    const [ownSchema = '', otherSchema = ''] = schemas;
    const own = await schemaWithTable(ownSchema, 'own_table');
    const other = await schemaWithTable(otherSchema, 'other_table');
    try {
      const introspector = new SchemaIntrospector(own.db, ownSchema);
      expect((await introspector.getTables()).map((t) => t.name)).toEqual(['own_table']);
      expect((await introspector.getTables({ withInternalKyselyTables: true })).map((t) => t.name)).toEqual([
        'kysely_migration',
        'kysely_migration_lock',
        'own_table',
      ]);
      // Kysely's own introspector, for contrast: it reads every schema, which is what made migrations fail when
      // another schema was dropped meanwhile.
      expect((await own.db.introspection.getTables()).map((t) => t.name)).toContain('other_table');
      expect((await introspectingOnly(own.db, ownSchema).introspection.getTables()).map((t) => t.name)).toEqual([
        'own_table',
      ]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from own_table`.execute(
        introspectingOnly(own.db, ownSchema),
      );
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await own.close();
      await other.close();
    }
  });
});

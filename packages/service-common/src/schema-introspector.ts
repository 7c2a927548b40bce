import { type DatabaseIntrospector, type DatabaseMetadataOptions, type Kysely, sql, type TableMetadata } from 'kysely';

/**
 * Tables of one PostgreSQL schema, read from the catalogue of that schema only.
 *
 * Kysely's own PostgreSQL introspector reads the tables and columns of every schema on the server and calls
 * `pg_get_serial_sequence` on each column. When another database on the same server (a parallel test's schema,
 * another team's clean-up) drops its schema meanwhile, that query fails with "schema … does not exist", "relation
 * … does not exist" or "column … does not exist" about the other schema. Columns are not listed: nothing here
 * needs them.
 */
export class SchemaIntrospector<DB> implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly schema: string,
  ) {}

  async getSchemas() {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; kind: string }>`
      select c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${this.schema} and c.relkind in ('r', 'p', 'v', 'm')
      order by c.relname`.execute(this.db);
    return rows
      .filter((row) => options?.withInternalKyselyTables || !row.name.startsWith('kysely_'))
      .map((row) => ({
        name: row.name,
        schema: this.schema,
        isView: row.kind === 'v' || row.kind === 'm',
        columns: [],
      }));
  }

  async getMetadata(options?: DatabaseMetadataOptions) {
    return { tables: await this.getTables(options) };
  }
}

/**
 * The same Kysely instance, but its `introspection` reads only `schema` (see SchemaIntrospector). Kysely keeps
 * its state in private fields, so every other member is read from, and called on, the instance itself.
 */
export function introspectingOnly<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspector = new SchemaIntrospector(db, schema);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspector;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

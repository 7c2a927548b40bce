import { type Kysely, sql } from 'kysely';

/**
 * When a deployed or released version last changed (undeployed, support ended, released again), beside when it
 * was recorded: the real broker shows both. Rows from before this migration take their creation date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['deployed_versions', 'released_versions']) {
    await db.schema.alterTable(table).addColumn('updated_at', 'text').execute();
    await sql`update ${sql.table(table)} set updated_at = created_at`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['deployed_versions', 'released_versions']) {
    await db.schema.alterTable(table).dropColumn('updated_at').execute();
  }
}

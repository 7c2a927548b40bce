import type { Kysely } from 'kysely';

/** Labels on pacticipants (`PUT /pacticipants/{p}/labels/{l}`): what label-scoped webhooks and lists select by. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('labels')
    .addColumn('pacticipant_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('labels_pk', ['pacticipant_id', 'name'])
    .execute();
  await db.schema.createIndex('labels_name').on('labels').column('name').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('labels').execute();
}

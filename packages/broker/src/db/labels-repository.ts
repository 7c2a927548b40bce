import type { Clock, Db } from './database.ts';
import type { PacticipantRow } from './schema.ts';

export interface Label {
  pacticipantId: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

const toLabel = (row: { pacticipant_id: number; name: string; created_at: string; updated_at: string }): Label => ({
  pacticipantId: row.pacticipant_id,
  name: row.name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function createLabelsRepository(db: Db, now: Clock) {
  return {
    /** Labels the pacticipant (again is no change); `created` tells whether the label is new to it. */
    async add(pacticipantId: number, name: string): Promise<{ label: Label; created: boolean }> {
      const at = now().toISOString();
      const result = await db
        .insertInto('labels')
        .values({ pacticipant_id: pacticipantId, name, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['pacticipant_id', 'name']).doNothing())
        .executeTakeFirst();
      const row = await db
        .selectFrom('labels')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return { label: toLabel(row), created: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
    },

    async find(pacticipantId: number, name: string): Promise<Label | undefined> {
      const row = await db
        .selectFrom('labels')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row && toLabel(row);
    },

    async delete(pacticipantId: number, name: string): Promise<void> {
      await db.deleteFrom('labels').where('pacticipant_id', '=', pacticipantId).where('name', '=', name).execute();
    },

    /** The labels of one pacticipant, by name. */
    async forPacticipant(pacticipantId: number): Promise<Label[]> {
      const rows = await db
        .selectFrom('labels')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .orderBy('name')
        .execute();
      return rows.map(toLabel);
    },

    /** Label names in use, each once, by name: a page of them and how many there are in all. */
    async distinctNames(page: { offset: number; limit: number }): Promise<{ names: string[]; total: number }> {
      const total = await db
        .selectFrom('labels')
        .select((eb) => eb.fn.count<number>('name').distinct().as('count'))
        .executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('labels')
        .select('name')
        .distinct()
        .orderBy('name')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { names: rows.map((r) => r.name), total: Number(total.count) };
    },

    /** The pacticipants carrying a label, by name. */
    pacticipantsWith(name: string): Promise<PacticipantRow[]> {
      return db
        .selectFrom('pacticipants')
        .selectAll('pacticipants')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('labels')
              .select('labels.name')
              .whereRef('labels.pacticipant_id', '=', 'pacticipants.id')
              .where('labels.name', '=', name),
          ),
        )
        .orderBy('pacticipants.name')
        .execute();
    },
  };
}

export type LabelsRepository = ReturnType<typeof createLabelsRepository>;

import type { Clock, Db } from './database.ts';

export interface TagRow {
  versionId: number;
  name: string;
  createdAt: string;
}

export function createTagsRepository(db: Db, now: Clock) {
  return {
    /** Returns whether the tag was new. */
    async add(pacticipantId: number, versionId: number, name: string): Promise<boolean> {
      const result = await db
        .insertInto('tags')
        .values({ version_id: versionId, pacticipant_id: pacticipantId, name, created_at: now().toISOString() })
        .onConflict((oc) => oc.columns(['version_id', 'name']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async find(versionId: number, name: string): Promise<TagRow | undefined> {
      const row = await db
        .selectFrom('tags')
        .select(['version_id', 'name', 'created_at'])
        .where('version_id', '=', versionId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row && { versionId: row.version_id, name: row.name, createdAt: row.created_at };
    },

    /** Whether any version of the pacticipant carries the tag. */
    async exists(pacticipantId: number, name: string): Promise<boolean> {
      const row = await db
        .selectFrom('tags')
        .select('version_id')
        .where('pacticipant_id', '=', pacticipantId)
        .where('name', '=', name)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The version's tags become exactly `names`: others go, those it already has keep their creation date. */
    async replaceAll(pacticipantId: number, versionId: number, names: readonly string[]): Promise<void> {
      let removal = db.deleteFrom('tags').where('version_id', '=', versionId);
      if (names.length > 0) removal = removal.where('name', 'not in', [...names]);
      await removal.execute();
      for (const name of names) await this.add(pacticipantId, versionId, name);
    },

    async delete(versionId: number, name: string): Promise<void> {
      await db.deleteFrom('tags').where('version_id', '=', versionId).where('name', '=', name).execute();
    },

    async forVersions(versionIds: readonly number[]): Promise<Map<number, TagRow[]>> {
      const byVersion = new Map<number, TagRow[]>();
      if (versionIds.length === 0) return byVersion;
      const rows = await db
        .selectFrom('tags')
        .select(['version_id', 'name', 'created_at'])
        .where('version_id', 'in', [...new Set(versionIds)])
        .orderBy('created_at')
        .execute();
      for (const row of rows) {
        const list = byVersion.get(row.version_id) ?? [];
        list.push({ versionId: row.version_id, name: row.name, createdAt: row.created_at });
        byVersion.set(row.version_id, list);
      }
      return byVersion;
    },

    /** When the pacticipant first used the tag, or undefined if it never did. */
    async firstUsed(pacticipantId: number, name: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('tags')
        .select((eb) => eb.fn.min('created_at').as('first'))
        .where('pacticipant_id', '=', pacticipantId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.first ?? undefined;
    },
  };
}

export type TagsRepository = ReturnType<typeof createTagsRepository>;

import { type Page, type PageRequest, pageWindow } from '../http/pagination.ts';
import type { Clock, Db } from './database.ts';
import type { VersionRow } from './schema.ts';

/** Which of a pacticipant's versions a list holds: all of them, or those on a branch, with a tag, or ever
 * deployed or released to an environment. */
export interface VersionFilter {
  branchId?: number;
  tag?: string;
  environmentId?: number;
}

export function createVersionsRepository(db: Db, now: Clock) {
  const taggedNewestFirst = (pacticipantId: number, tag: string) =>
    db
      .selectFrom('tags')
      .innerJoin('versions', 'versions.id', 'tags.version_id')
      .selectAll('versions')
      .where('tags.pacticipant_id', '=', pacticipantId)
      .where('tags.name', '=', tag)
      .orderBy('tags.version_id', 'desc');

  const onBranchNewestFirst = (pacticipantId: number, branch: string) =>
    db
      .selectFrom('branches')
      .innerJoin('branch_versions', 'branch_versions.branch_id', 'branches.id')
      .innerJoin('versions', 'versions.id', 'branch_versions.version_id')
      .selectAll('versions')
      .where('branches.pacticipant_id', '=', pacticipantId)
      .where('branches.name', '=', branch)
      .orderBy('branch_versions.version_id', 'desc');

  return {
    find(pacticipantId: number, number: string): Promise<VersionRow | undefined> {
      return db
        .selectFrom('versions')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .where('number', '=', number)
        .executeTakeFirst();
    },

    findById(id: number): Promise<VersionRow | undefined> {
      return db.selectFrom('versions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByIds(ids: readonly number[]): Promise<VersionRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('versions').selectAll().where('id', 'in', ids).execute();
    },

    /** Creates the version when missing; a given build URL replaces the stored one. */
    async findOrCreate(pacticipantId: number, number: string, buildUrl?: string | null): Promise<VersionRow> {
      const at = now().toISOString();
      await db
        .insertInto('versions')
        .values({ pacticipant_id: pacticipantId, number, build_url: buildUrl ?? null, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['pacticipant_id', 'number']).doNothing())
        .execute();
      if (buildUrl) {
        await db
          .updateTable('versions')
          .set({ build_url: buildUrl, updated_at: at })
          .where('pacticipant_id', '=', pacticipantId)
          .where('number', '=', number)
          .where((eb) => eb.or([eb('build_url', 'is', null), eb('build_url', '!=', buildUrl)]))
          .execute();
      }
      return db
        .selectFrom('versions')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
    },

    /** A pacticipant's versions, newest first, filtered and paged; all of them when no page is asked for. */
    async listNewestFirst(
      pacticipantId: number,
      filter: VersionFilter = {},
      page?: PageRequest,
    ): Promise<Page<VersionRow>> {
      let query = db.selectFrom('versions').where('versions.pacticipant_id', '=', pacticipantId);
      const { branchId, tag, environmentId } = filter;
      if (branchId !== undefined) {
        query = query.where('versions.id', 'in', (eb) =>
          eb.selectFrom('branch_versions').select('version_id').where('branch_id', '=', branchId),
        );
      }
      if (tag !== undefined) {
        query = query.where('versions.id', 'in', (eb) =>
          eb
            .selectFrom('tags')
            .select('version_id')
            .where('pacticipant_id', '=', pacticipantId)
            .where('name', '=', tag),
        );
      }
      if (environmentId !== undefined) {
        query = query.where('versions.id', 'in', (eb) =>
          eb
            .selectFrom('deployed_versions')
            .select('version_id')
            .where('environment_id', '=', environmentId)
            .union(eb.selectFrom('released_versions').select('version_id').where('environment_id', '=', environmentId)),
        );
      }
      const ordered = query.selectAll('versions').orderBy('versions.id', 'desc');
      if (page === undefined) {
        const items = await ordered.execute();
        return { items, total: items.length };
      }
      const { offset, limit } = pageWindow(page);
      const items = await ordered.limit(limit).offset(offset).execute();
      const count = await query.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirst();
      return { items, total: Number(count?.n ?? 0) };
    },

    listForPacticipant(pacticipantId: number): Promise<VersionRow[]> {
      return db
        .selectFrom('versions')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .orderBy('id', 'desc')
        .execute();
    },

    latest(pacticipantId: number): Promise<VersionRow | undefined> {
      return db
        .selectFrom('versions')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    latestWithTag(pacticipantId: number, tag: string): Promise<VersionRow | undefined> {
      return taggedNewestFirst(pacticipantId, tag).limit(1).executeTakeFirst();
    },

    withTag(pacticipantId: number, tag: string): Promise<VersionRow[]> {
      return taggedNewestFirst(pacticipantId, tag).execute();
    },

    latestOnBranch(pacticipantId: number, branch: string): Promise<VersionRow | undefined> {
      return onBranchNewestFirst(pacticipantId, branch).limit(1).executeTakeFirst();
    },

    onBranch(pacticipantId: number, branch: string): Promise<VersionRow[]> {
      return onBranchNewestFirst(pacticipantId, branch).execute();
    },

    async update(id: number, fields: { buildUrl?: string | null }): Promise<VersionRow> {
      return db
        .updateTable('versions')
        .set({
          ...(fields.buildUrl !== undefined ? { build_url: fields.buildUrl } : {}),
          updated_at: now().toISOString(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async delete(id: number): Promise<void> {
      await db.deleteFrom('verifications').where('provider_version_id', '=', id).execute();
      await db.deleteFrom('versions').where('id', '=', id).execute();
    },
  };
}

export type VersionsRepository = ReturnType<typeof createVersionsRepository>;

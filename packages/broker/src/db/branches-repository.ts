import type { Clock, Db } from './database.ts';
import { createPacticipantsRepository } from './pacticipants-repository.ts';
import type { BranchRow } from './schema.ts';

export interface BranchVersionRef {
  versionId: number;
  branchId: number;
  branchName: string;
  createdAt: string;
}

export function createBranchesRepository(db: Db, now: Clock) {
  const pacticipants = createPacticipantsRepository(db, now);
  return {
    find(pacticipantId: number, name: string): Promise<BranchRow | undefined> {
      return db
        .selectFrom('branches')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .where('name', '=', name)
        .executeTakeFirst();
    },

    listForPacticipant(pacticipantId: number): Promise<BranchRow[]> {
      return db
        .selectFrom('branches')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .orderBy('id', 'desc')
        .execute();
    },

    async findOrCreate(pacticipantId: number, name: string): Promise<BranchRow> {
      await db
        .insertInto('branches')
        .values({ pacticipant_id: pacticipantId, name, created_at: now().toISOString() })
        .onConflict((oc) => oc.columns(['pacticipant_id', 'name']).doNothing())
        .execute();
      return db
        .selectFrom('branches')
        .selectAll()
        .where('pacticipant_id', '=', pacticipantId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
    },

    /**
     * Returns whether the version was newly added to the branch. Every way a branch version is created (publish,
     * a version PUT, the verifier's branch PUT) may set the main branch, as on the real broker.
     */
    async addVersion(pacticipantId: number, name: string, versionId: number): Promise<boolean> {
      const branch = await this.findOrCreate(pacticipantId, name);
      await pacticipants.adoptMainBranchCandidate(pacticipantId, name);
      const result = await db
        .insertInto('branch_versions')
        .values({
          branch_id: branch.id,
          version_id: versionId,
          pacticipant_id: pacticipantId,
          created_at: now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['branch_id', 'version_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async findBranchVersion(branchId: number, versionId: number): Promise<BranchVersionRef | undefined> {
      const row = await db
        .selectFrom('branch_versions')
        .innerJoin('branches', 'branches.id', 'branch_versions.branch_id')
        .select(['branch_versions.version_id', 'branches.id', 'branches.name', 'branch_versions.created_at'])
        .where('branch_versions.branch_id', '=', branchId)
        .where('branch_versions.version_id', '=', versionId)
        .executeTakeFirst();
      return row && { versionId: row.version_id, branchId: row.id, branchName: row.name, createdAt: row.created_at };
    },

    async removeVersion(branchId: number, versionId: number): Promise<void> {
      await db
        .deleteFrom('branch_versions')
        .where('branch_id', '=', branchId)
        .where('version_id', '=', versionId)
        .execute();
    },

    async delete(branchId: number): Promise<void> {
      await db.deleteFrom('branches').where('id', '=', branchId).execute();
    },

    /** Deletes several of a pacticipant's branches at once (their branch versions cascade; versions stay). */
    async deleteMany(pacticipantId: number, branchIds: readonly number[]): Promise<void> {
      if (branchIds.length === 0) return;
      await db
        .deleteFrom('branches')
        .where('pacticipant_id', '=', pacticipantId)
        .where('id', 'in', [...branchIds])
        .execute();
    },

    async forVersions(versionIds: readonly number[]): Promise<Map<number, BranchVersionRef[]>> {
      const byVersion = new Map<number, BranchVersionRef[]>();
      if (versionIds.length === 0) return byVersion;
      const rows = await db
        .selectFrom('branch_versions')
        .innerJoin('branches', 'branches.id', 'branch_versions.branch_id')
        .select(['branch_versions.version_id', 'branches.id', 'branches.name', 'branch_versions.created_at'])
        .where('branch_versions.version_id', 'in', [...new Set(versionIds)])
        .orderBy('branch_versions.created_at')
        .execute();
      for (const row of rows) {
        const list = byVersion.get(row.version_id) ?? [];
        list.push({ versionId: row.version_id, branchId: row.id, branchName: row.name, createdAt: row.created_at });
        byVersion.set(row.version_id, list);
      }
      return byVersion;
    },

    /** Whether the version is the latest one on the branch. */
    async latestVersionId(branchId: number): Promise<number | undefined> {
      const row = await db
        .selectFrom('branch_versions')
        .select((eb) => eb.fn.max('version_id').as('latest'))
        .where('branch_id', '=', branchId)
        .executeTakeFirst();
      return row?.latest ?? undefined;
    },
  };
}

export type BranchesRepository = ReturnType<typeof createBranchesRepository>;

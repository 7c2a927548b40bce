import type { Clock, Db } from './database.ts';
import type { PacticipantRow } from './schema.ts';

export interface PacticipantFields {
  displayName?: string | null;
  repositoryUrl?: string | null;
  repositoryName?: string | null;
  repositoryNamespace?: string | null;
  mainBranch?: string | null;
}

function columns(fields: PacticipantFields) {
  const out: Partial<Omit<PacticipantRow, 'id' | 'name' | 'created_at' | 'updated_at'>> = {};
  if (fields.displayName !== undefined) out.display_name = fields.displayName;
  if (fields.repositoryUrl !== undefined) out.repository_url = fields.repositoryUrl;
  if (fields.repositoryName !== undefined) out.repository_name = fields.repositoryName;
  if (fields.repositoryNamespace !== undefined) out.repository_namespace = fields.repositoryNamespace;
  if (fields.mainBranch !== undefined) out.main_branch = fields.mainBranch;
  return out;
}

/** Branch names that make a pacticipant's main branch when it has none yet. */
export const MAIN_BRANCH_CANDIDATES: readonly string[] = ['develop', 'main', 'master'];

export function createPacticipantsRepository(db: Db, now: Clock) {
  return {
    findByName(name: string): Promise<PacticipantRow | undefined> {
      return db.selectFrom('pacticipants').selectAll().where('name', '=', name).executeTakeFirst();
    },

    findById(id: number): Promise<PacticipantRow | undefined> {
      return db.selectFrom('pacticipants').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByIds(ids: readonly number[]): Promise<PacticipantRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('pacticipants').selectAll().where('id', 'in', ids).orderBy('name').execute();
    },

    list(): Promise<PacticipantRow[]> {
      return db.selectFrom('pacticipants').selectAll().orderBy('name').execute();
    },

    /** One page of the pacticipants by name, and how many there are in all. */
    async listPage(window: { offset: number; limit: number }): Promise<{ items: PacticipantRow[]; total: number }> {
      const items = await db
        .selectFrom('pacticipants')
        .selectAll()
        .orderBy('name')
        .limit(window.limit)
        .offset(window.offset)
        .execute();
      const counted = await db
        .selectFrom('pacticipants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { items, total: Number(counted.n) };
    },

    async create(name: string, fields: PacticipantFields = {}): Promise<PacticipantRow> {
      const at = now().toISOString();
      return db
        .insertInto('pacticipants')
        .values({ name, created_at: at, updated_at: at, ...columns(fields) })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async findOrCreate(name: string): Promise<PacticipantRow> {
      const at = now().toISOString();
      await db
        .insertInto('pacticipants')
        .values({ name, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return db.selectFrom('pacticipants').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
    },

    async update(id: number, fields: PacticipantFields): Promise<PacticipantRow> {
      return db
        .updateTable('pacticipants')
        .set({ ...columns(fields), updated_at: now().toISOString() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /**
     * The real broker's automatic main-branch detection: a branch (or tag) named develop, main or master becomes
     * the main branch of a pacticipant that has none yet, whichever client created it.
     */
    async adoptMainBranchCandidate(id: number, branch: string): Promise<void> {
      if (!MAIN_BRANCH_CANDIDATES.includes(branch)) return;
      await db
        .updateTable('pacticipants')
        .set({ main_branch: branch, updated_at: now().toISOString() })
        .where('id', '=', id)
        .where('main_branch', 'is', null)
        .execute();
    },

    async delete(id: number): Promise<void> {
      await db
        .deleteFrom('webhooks')
        .where((eb) => eb.or([eb('consumer_id', '=', id), eb('provider_id', '=', id)]))
        .execute();
      await db
        .deleteFrom('verifications')
        .where((eb) => eb.or([eb('consumer_id', '=', id), eb('provider_id', '=', id)]))
        .execute();
      await db.deleteFrom('pacticipants').where('id', '=', id).execute();
    },
  };
}

export type PacticipantsRepository = ReturnType<typeof createPacticipantsRepository>;

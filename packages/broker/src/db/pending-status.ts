import type { Db } from './database.ts';

/** Who will verify: the provider, and the branch or tags its version will carry. */
export interface ProviderContext {
  providerId: number;
  providerName: string;
  branch?: string;
  tags: string[];
}

export interface PendingStatus {
  pending: boolean;
  /** Tags mode only: the provider tags for which the pact is (not) pending. */
  pendingTags: string[];
  nonPendingTags: string[];
}

/**
 * Of the given pact versions, those with a successful verification that counts towards "no longer pending".
 * A WIP verification never does: verifying a pact as work in progress must not make it able to fail the build.
 */
function verified(db: Db, pactVersionIds: number[]) {
  return db
    .selectFrom('verifications as v')
    .select('v.pact_version_id')
    .distinct()
    .where('v.pact_version_id', 'in', pactVersionIds)
    .where('v.success', '=', 1)
    .where('v.wip', '=', 0);
}

async function ids(query: ReturnType<typeof verified>): Promise<Set<number>> {
  return new Set((await query.execute()).map((r) => r.pact_version_id));
}

/** Verified by a provider version on the branch, or on another branch before this one was created. */
async function verifiedForBranch(db: Db, ctx: ProviderContext, branch: string, pactVersionIds: number[]) {
  const onBranch = (name: 'same' | 'other') =>
    verified(db, pactVersionIds).where((eb) =>
      eb.exists(
        eb
          .selectFrom('branch_versions as bv')
          .innerJoin('branches as b', 'b.id', 'bv.branch_id')
          .select('bv.version_id')
          .whereRef('bv.version_id', '=', 'v.provider_version_id')
          .where('b.pacticipant_id', '=', ctx.providerId)
          .where('b.name', name === 'same' ? '=' : '!=', branch),
      ),
    );
  const created = await db
    .selectFrom('branches')
    .select('created_at')
    .where('pacticipant_id', '=', ctx.providerId)
    .where('name', '=', branch)
    .executeTakeFirst();
  // A new branch inherits what other branches had verified before it was created.
  const before = created ? onBranch('other').where('v.created_at', '<', created.created_at) : onBranch('other');
  const found = await ids(onBranch('same'));
  for (const id of await ids(before)) found.add(id);
  return found;
}

/** Verified by a provider version with the tag, or with another tag before this one was first used. */
async function verifiedForTag(db: Db, ctx: ProviderContext, tag: string, pactVersionIds: number[]) {
  const withTag = (name: 'same' | 'other') =>
    verified(db, pactVersionIds).where((eb) =>
      eb.exists(
        eb
          .selectFrom('tags as t')
          .select('t.version_id')
          .whereRef('t.version_id', '=', 'v.provider_version_id')
          .where('t.name', name === 'same' ? '=' : '!=', tag),
      ),
    );
  const first = await db
    .selectFrom('tags')
    .select((eb) => eb.fn.min('created_at').as('first'))
    .where('pacticipant_id', '=', ctx.providerId)
    .where('name', '=', tag)
    .executeTakeFirst();
  const before = first?.first ? withTag('other').where('v.created_at', '<', first.first) : withTag('other');
  const found = await ids(withTag('same'));
  for (const id of await ids(before)) found.add(id);
  return found;
}

/**
 * Whether each pact version is pending for the provider: with a branch, it has no successful verification from
 * that branch (nor from another branch before this one existed); with tags only, likewise per tag; with neither,
 * it was never successfully verified at all. A constant number of queries, whatever the number of pacts.
 */
export async function pendingStatuses(
  db: Db,
  ctx: ProviderContext,
  pactVersionIds: number[],
): Promise<Map<number, PendingStatus>> {
  const statuses = new Map<number, PendingStatus>();
  if (pactVersionIds.length === 0) return statuses;
  const unique = [...new Set(pactVersionIds)];
  if (ctx.branch !== undefined) {
    const done = await verifiedForBranch(db, ctx, ctx.branch, unique);
    for (const id of unique) statuses.set(id, { pending: !done.has(id), pendingTags: [], nonPendingTags: [] });
  } else if (ctx.tags.length > 0) {
    const perTag = new Map<string, Set<number>>();
    for (const tag of ctx.tags) perTag.set(tag, await verifiedForTag(db, ctx, tag, unique));
    for (const id of unique) {
      const pendingTags = ctx.tags.filter((t) => !perTag.get(t)?.has(id));
      const nonPendingTags = ctx.tags.filter((t) => perTag.get(t)?.has(id));
      statuses.set(id, { pending: pendingTags.length > 0, pendingTags, nonPendingTags });
    }
  } else {
    const done = await ids(verified(db, unique));
    for (const id of unique) statuses.set(id, { pending: !done.has(id), pendingTags: [], nonPendingTags: [] });
  }
  return statuses;
}

import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Clock, Db } from './database.ts';
import type { BrokerDatabase, PactVersionRow } from './schema.ts';

/** A consumer version's publication of a pact for a provider, with the names needed to describe it. */
export interface Publication {
  id: number;
  consumerId: number;
  consumerName: string;
  providerId: number;
  providerName: string;
  consumerVersionId: number;
  consumerVersionNumber: string;
  pactVersionId: number;
  sha: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

type From = BrokerDatabase & {
  consumer: BrokerDatabase['pacticipants'];
  provider: BrokerDatabase['pacticipants'];
  cv: BrokerDatabase['versions'];
  pv: BrokerDatabase['pact_versions'];
  pp: BrokerDatabase['pact_publications'];
};

function publications(db: Db) {
  return db
    .selectFrom('pact_publications as pp')
    .innerJoin('pacticipants as consumer', 'consumer.id', 'pp.consumer_id')
    .innerJoin('pacticipants as provider', 'provider.id', 'pp.provider_id')
    .innerJoin('versions as cv', 'cv.id', 'pp.consumer_version_id')
    .innerJoin('pact_versions as pv', 'pv.id', 'pp.pact_version_id')
    .select([
      'pp.id as id',
      'pp.consumer_id as consumerId',
      'consumer.name as consumerName',
      'pp.provider_id as providerId',
      'provider.name as providerName',
      'pp.consumer_version_id as consumerVersionId',
      'cv.number as consumerVersionNumber',
      'pp.pact_version_id as pactVersionId',
      'pv.sha as sha',
      'pp.revision_number as revision',
      'pp.created_at as createdAt',
      'pp.updated_at as updatedAt',
    ]);
}

type PublicationQuery = SelectQueryBuilder<From, 'pp' | 'consumer' | 'provider' | 'cv' | 'pv', Publication>;

/** Restricts to the publication of the latest consumer version (optionally with a tag or on a branch). */
function latestPerIntegration(
  eb: ExpressionBuilder<From, 'pp'>,
  filter: { tag?: string; branch?: string; untagged?: boolean },
) {
  let sub = eb
    .selectFrom('pact_publications as p2')
    .select((e) => e.fn.max('p2.consumer_version_id').as('latest'))
    .whereRef('p2.provider_id', '=', 'pp.provider_id')
    .whereRef('p2.consumer_id', '=', 'pp.consumer_id');
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    sub = sub.where((e) =>
      e.exists(
        e
          .selectFrom('tags as t')
          .select('t.version_id')
          .whereRef('t.version_id', '=', 'p2.consumer_version_id')
          .where('t.name', '=', tag),
      ),
    );
  }
  if (filter.untagged) {
    sub = sub.where((e) =>
      e.not(
        e.exists(e.selectFrom('tags as t').select('t.version_id').whereRef('t.version_id', '=', 'p2.consumer_version_id')),
      ),
    );
  }
  if (filter.branch !== undefined) {
    const branch = filter.branch;
    sub = sub.where((e) =>
      e.exists(
        e
          .selectFrom('branch_versions as bv')
          .innerJoin('branches as b', 'b.id', 'bv.branch_id')
          .select('bv.version_id')
          .whereRef('bv.version_id', '=', 'p2.consumer_version_id')
          .where('b.name', '=', branch),
      ),
    );
  }
  return eb('pp.consumer_version_id', '=', sub);
}

/** The latest publication for one consumer branch or tag. */
export interface Head {
  name: string;
  publication: Publication;
}

export interface PublicationFilter {
  consumerId?: number;
  branch?: string;
  /** The consumer version is on its pacticipant's configured main branch. */
  mainBranch?: boolean;
  tag?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: shared by queries with different selections
function filtered<Q extends SelectQueryBuilder<any, any, any>>(
  query: Q,
  providerId: number,
  filter: PublicationFilter,
): Q {
  // biome-ignore lint/suspicious/noExplicitAny: the builder is typed by the caller
  let q = (query as any).where('pp.provider_id', '=', providerId);
  if (filter.consumerId !== undefined) q = q.where('pp.consumer_id', '=', filter.consumerId);
  if (filter.branch !== undefined) {
    const branch = filter.branch;
    // biome-ignore lint/suspicious/noExplicitAny: correlated sub-query on the caller's alias
    q = q.where((eb: any) =>
      eb.exists(
        eb
          .selectFrom('branch_versions as bv')
          .innerJoin('branches as b', 'b.id', 'bv.branch_id')
          .select('bv.version_id')
          .whereRef('bv.version_id', '=', 'pp.consumer_version_id')
          .where('b.name', '=', branch),
      ),
    );
  }
  if (filter.mainBranch) {
    // biome-ignore lint/suspicious/noExplicitAny: correlated sub-query on the caller's alias
    q = q.where((eb: any) =>
      eb.exists(
        eb
          .selectFrom('branch_versions as bv')
          .innerJoin('branches as b', 'b.id', 'bv.branch_id')
          .innerJoin('pacticipants as owner', 'owner.id', 'b.pacticipant_id')
          .select('bv.version_id')
          .whereRef('bv.version_id', '=', 'pp.consumer_version_id')
          .whereRef('b.name', '=', 'owner.main_branch'),
      ),
    );
  }
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    // biome-ignore lint/suspicious/noExplicitAny: correlated sub-query on the caller's alias
    q = q.where((eb: any) =>
      eb.exists(
        eb
          .selectFrom('tags as t')
          .select('t.version_id')
          .whereRef('t.version_id', '=', 'pp.consumer_version_id')
          .where('t.name', '=', tag),
      ),
    );
  }
  return q as Q;
}

export function createPactsRepository(db: Db, now: Clock) {
  const base = (): PublicationQuery => publications(db) as unknown as PublicationQuery;

  async function attach(providerId: number, heads: { label: string; cvid: number }[]): Promise<Head[]> {
    if (heads.length === 0) return [];
    const rows = await base()
      .where('pp.provider_id', '=', providerId)
      .where('pp.consumer_version_id', 'in', [...new Set(heads.map((h) => h.cvid))])
      .execute();
    const byVersion = new Map(rows.map((row) => [row.consumerVersionId, row]));
    return heads.flatMap((head) => {
      const publication = byVersion.get(head.cvid);
      return publication ? [{ name: head.label, publication }] : [];
    });
  }

  return {
    findPactVersion(consumerId: number, providerId: number, sha: string): Promise<PactVersionRow | undefined> {
      return db
        .selectFrom('pact_versions')
        .selectAll()
        .where('consumer_id', '=', consumerId)
        .where('provider_id', '=', providerId)
        .where('sha', '=', sha)
        .executeTakeFirst();
    },

    findPactVersionById(id: number): Promise<PactVersionRow | undefined> {
      return db.selectFrom('pact_versions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findOrCreatePactVersion(
      consumerId: number,
      providerId: number,
      sha: string,
      content: string,
    ): Promise<PactVersionRow> {
      await db
        .insertInto('pact_versions')
        .values({ consumer_id: consumerId, provider_id: providerId, sha, content, created_at: now().toISOString() })
        .onConflict((oc) => oc.columns(['consumer_id', 'provider_id', 'sha']).doNothing())
        .execute();
      return db
        .selectFrom('pact_versions')
        .selectAll()
        .where('consumer_id', '=', consumerId)
        .where('provider_id', '=', providerId)
        .where('sha', '=', sha)
        .executeTakeFirstOrThrow();
    },

    /** Points the consumer version's publication for the provider at a pact version, creating or revising it. */
    async upsertPublication(
      consumerId: number,
      providerId: number,
      consumerVersionId: number,
      pactVersionId: number,
    ): Promise<void> {
      const at = now().toISOString();
      const existing = await db
        .selectFrom('pact_publications')
        .select(['id', 'pact_version_id', 'revision_number'])
        .where('consumer_version_id', '=', consumerVersionId)
        .where('provider_id', '=', providerId)
        .executeTakeFirst();
      if (!existing) {
        await db
          .insertInto('pact_publications')
          .values({
            consumer_id: consumerId,
            provider_id: providerId,
            consumer_version_id: consumerVersionId,
            pact_version_id: pactVersionId,
            revision_number: 1,
            created_at: at,
            updated_at: at,
          })
          // Another instance publishing the same consumer version at the same moment got there first.
          .onConflict((oc) => oc.columns(['consumer_version_id', 'provider_id']).doNothing())
          .execute();
      } else if (existing.pact_version_id !== pactVersionId) {
        await db
          .updateTable('pact_publications')
          .set({ pact_version_id: pactVersionId, revision_number: existing.revision_number + 1, updated_at: at })
          .where('id', '=', existing.id)
          .execute();
      }
    },

    findPublication(consumerVersionId: number, providerId: number): Promise<Publication | undefined> {
      return base()
        .where('pp.consumer_version_id', '=', consumerVersionId)
        .where('pp.provider_id', '=', providerId)
        .executeTakeFirst();
    },

    /** The latest publication between two pacticipants, optionally for consumer versions with a tag or on a branch. */
    latestPublication(
      providerId: number,
      consumerId: number,
      filter: { tag?: string; branch?: string; untagged?: boolean } = {},
    ): Promise<Publication | undefined> {
      return base()
        .where('pp.provider_id', '=', providerId)
        .where('pp.consumer_id', '=', consumerId)
        .where((eb) => latestPerIntegration(eb as unknown as ExpressionBuilder<From, 'pp'>, filter))
        .executeTakeFirst();
    },

    /** The latest publication from each consumer of the provider (optionally with a consumer version tag). */
    latestPublicationsForProvider(providerId: number, filter: { tag?: string } = {}): Promise<Publication[]> {
      return base()
        .where('pp.provider_id', '=', providerId)
        .where((eb) => latestPerIntegration(eb as unknown as ExpressionBuilder<From, 'pp'>, filter))
        .orderBy('consumer.name')
        .execute();
    },

    /** The latest publication of every integration. */
    latestPublications(): Promise<Publication[]> {
      return base()
        .where((eb) => latestPerIntegration(eb as unknown as ExpressionBuilder<From, 'pp'>, {}))
        .orderBy('consumer.name')
        .orderBy('provider.name')
        .execute();
    },

    /** Every publication between two pacticipants, latest first. */
    publicationsForIntegration(providerId: number, consumerId: number): Promise<Publication[]> {
      return base()
        .where('pp.provider_id', '=', providerId)
        .where('pp.consumer_id', '=', consumerId)
        .orderBy('pp.consumer_version_id', 'desc')
        .execute();
    },

    /**
     * The latest publication between the two before this consumer version whose content differs from the given
     * pact version's: what "previous distinct" means in the real broker.
     */
    previousDistinct(
      providerId: number,
      consumerId: number,
      consumerVersionId: number,
      pactVersionId: number,
    ): Promise<Publication | undefined> {
      return base()
        .where('pp.provider_id', '=', providerId)
        .where('pp.consumer_id', '=', consumerId)
        .where('pp.consumer_version_id', '<', consumerVersionId)
        .where('pp.pact_version_id', '!=', pactVersionId)
        .orderBy('pp.consumer_version_id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** The first publication between the two after this consumer version: when a change was first published. */
    nextAfter(providerId: number, consumerId: number, consumerVersionId: number): Promise<Publication | undefined> {
      return base()
        .where('pp.provider_id', '=', providerId)
        .where('pp.consumer_id', '=', consumerId)
        .where('pp.consumer_version_id', '>', consumerVersionId)
        .orderBy('pp.consumer_version_id')
        .limit(1)
        .executeTakeFirst();
    },

    /** Every publication of a provider's pacts, latest first. */
    publicationsForProvider(providerId: number): Promise<Publication[]> {
      return base().where('pp.provider_id', '=', providerId).orderBy('pp.consumer_version_id', 'desc').execute();
    },

    /** Consumer versions that published this exact content, latest first. */
    publicationsOfPactVersion(pactVersionId: number): Promise<Publication[]> {
      return base().where('pp.pact_version_id', '=', pactVersionId).orderBy('pp.consumer_version_id', 'desc').execute();
    },

    /** The publications a consumer version made, one per provider. */
    /** Per consumer version, its publications ordered by provider name: one query for a whole page of versions. */
    async publicationsOfConsumerVersions(consumerVersionIds: readonly number[]): Promise<Map<number, Publication[]>> {
      const byVersion = new Map<number, Publication[]>();
      if (consumerVersionIds.length === 0) return byVersion;
      const rows = await base()
        .where('pp.consumer_version_id', 'in', [...new Set(consumerVersionIds)])
        .orderBy('provider.name')
        .execute();
      for (const row of rows) {
        const list = byVersion.get(row.consumerVersionId) ?? [];
        list.push(row);
        byVersion.set(row.consumerVersionId, list);
      }
      return byVersion;
    },

    publicationsOfConsumerVersion(consumerVersionId: number): Promise<Publication[]> {
      return base().where('pp.consumer_version_id', '=', consumerVersionId).orderBy('provider.name').execute();
    },

    /**
     * For each consumer of the provider, the publication of its latest consumer version matching the filter:
     * on a branch, on the consumer's own main branch, or carrying a tag.
     */
    async latestPerConsumer(providerId: number, filter: PublicationFilter = {}): Promise<Publication[]> {
      const latest = await filtered(db.selectFrom('pact_publications as pp'), providerId, filter)
        .select((eb) => ['pp.consumer_id', eb.fn.max('pp.consumer_version_id').as('cvid')])
        .groupBy('pp.consumer_id')
        .execute();
      if (latest.length === 0) return [];
      return base()
        .where('pp.provider_id', '=', providerId)
        .where(
          'pp.consumer_version_id',
          'in',
          latest.map((row) => row.cvid),
        )
        .orderBy('consumer.name')
        .execute();
    },

    /** Every publication for the provider matching the filter, latest first. */
    findForProvider(providerId: number, filter: PublicationFilter & { consumerVersionIds?: number[] } = {}) {
      let query = base().where('pp.provider_id', '=', providerId);
      if (filter.consumerVersionIds !== undefined) {
        if (filter.consumerVersionIds.length === 0) return Promise.resolve([] as Publication[]);
        query = query.where('pp.consumer_version_id', 'in', filter.consumerVersionIds);
      }
      return (filtered(query as never, providerId, filter) as unknown as PublicationQuery)
        .orderBy('pp.consumer_version_id', 'desc')
        .execute();
    },

    /** Head publications: for each consumer branch, the latest consumer version on it with a pact for the provider. */
    async branchHeads(providerId: number): Promise<Head[]> {
      const heads = await db
        .selectFrom('pact_publications as pp')
        .innerJoin('branch_versions as bv', 'bv.version_id', 'pp.consumer_version_id')
        .innerJoin('branches as b', 'b.id', 'bv.branch_id')
        .select((eb) => ['b.name', eb.fn.max('pp.consumer_version_id').as('cvid')])
        .where('pp.provider_id', '=', providerId)
        .groupBy('b.id')
        .execute();
      return attach(
        providerId,
        heads.map((h) => ({ label: h.name, cvid: h.cvid })),
      );
    },

    /** Head publications: for each consumer tag, the latest tagged consumer version with a pact for the provider. */
    async tagHeads(providerId: number): Promise<Head[]> {
      const heads = await db
        .selectFrom('pact_publications as pp')
        .innerJoin('tags as t', 't.version_id', 'pp.consumer_version_id')
        .select((eb) => ['t.name', eb.fn.max('pp.consumer_version_id').as('cvid')])
        .where('pp.provider_id', '=', providerId)
        .groupBy(['t.pacticipant_id', 't.name'])
        .execute();
      return attach(
        providerId,
        heads.map((h) => ({ label: h.name, cvid: h.cvid })),
      );
    },

    /**
     * Deletes publications with what hangs off them: the webhooks they triggered (executions go with them), and
     * each pact version no publication uses any more, with its verification results and their triggered
     * webhooks (foreign-key cascades). Run it in a transaction. Answers how many publications went.
     */
    async deletePublications(ids: readonly number[]): Promise<number> {
      if (ids.length === 0) return 0;
      const doomed = await db
        .selectFrom('pact_publications')
        .select(['id', 'consumer_version_id', 'provider_id', 'pact_version_id'])
        .where('id', 'in', [...ids])
        .execute();
      if (doomed.length === 0) return 0;
      for (const p of doomed) {
        // A triggered webhook belongs to a pact by its consumer version and provider (schema.ts).
        await db
          .deleteFrom('triggered_webhooks')
          .where('consumer_version_id', '=', p.consumer_version_id)
          .where('provider_id', '=', p.provider_id)
          .execute();
      }
      await db
        .deleteFrom('pact_publications')
        .where(
          'id',
          'in',
          doomed.map((p) => p.id),
        )
        .execute();
      await db
        .deleteFrom('pact_versions')
        .where('id', 'in', [...new Set(doomed.map((p) => p.pact_version_id))])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('pact_publications as still')
                .select('still.id')
                .whereRef('still.pact_version_id', '=', 'pact_versions.id'),
            ),
          ),
        )
        .execute();
      return doomed.length;
    },
  };
}

export type PactsRepository = ReturnType<typeof createPactsRepository>;

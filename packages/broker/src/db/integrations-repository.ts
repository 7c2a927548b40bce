import type { Db } from './database.ts';

/** A consumer and provider with at least one pact between them. */
export interface Integration {
  consumerId: number;
  consumerName: string;
  providerId: number;
  providerName: string;
  /** When the first pact between them was published. */
  createdAt: string;
}

/** `%` and `_` in a search are themselves, not LIKE wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

export function createIntegrationsRepository(db: Db) {
  function query(search: string | undefined) {
    let q = db
      .selectFrom('pact_publications as pp')
      .innerJoin('pacticipants as consumer', 'consumer.id', 'pp.consumer_id')
      .innerJoin('pacticipants as provider', 'provider.id', 'pp.provider_id');
    if (search !== undefined) {
      const pattern = likePattern(search);
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['consumer.name']), 'like', eb.val(pattern)),
          eb(eb.fn('lower', ['provider.name']), 'like', eb.val(pattern)),
        ]),
      );
    }
    return q;
  }

  return {
    /** A page of integrations by consumer then provider name, those whose names contain `search` if given. */
    async list(
      page: { offset: number; limit: number },
      search?: string,
    ): Promise<{ integrations: Integration[]; total: number }> {
      const rows = await query(search)
        .select((eb) => [
          'pp.consumer_id as consumerId',
          'consumer.name as consumerName',
          'pp.provider_id as providerId',
          'provider.name as providerName',
          eb.fn.min('pp.created_at').as('createdAt'),
        ])
        .groupBy(['pp.consumer_id', 'consumer.name', 'pp.provider_id', 'provider.name'])
        .orderBy('consumer.name')
        .orderBy('provider.name')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const counted = await db
        .selectFrom(query(search).select(['pp.consumer_id', 'pp.provider_id']).distinct().as('integrations'))
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return {
        integrations: rows.map((r) => ({ ...r, createdAt: String(r.createdAt) })),
        total: Number(counted.count),
      };
    },

    async exists(consumerId: number, providerId: number): Promise<boolean> {
      const row = await db
        .selectFrom('pact_publications')
        .select('id')
        .where('consumer_id', '=', consumerId)
        .where('provider_id', '=', providerId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Forgets everything between the two: pacts, their verification results, the webhooks scoped to exactly this
     * pair and what they triggered. The pacticipants and their versions stay, as in the real broker.
     */
    async delete(consumerId: number, providerId: number): Promise<void> {
      // Children before parents: what a webhook triggered, the webhooks, the results, then the pacts.
      const tables = ['triggered_webhooks', 'webhooks', 'verifications', 'pact_publications', 'pact_versions'] as const;
      for (const table of tables) {
        await db
          .deleteFrom(table)
          .where('consumer_id', '=', consumerId)
          .where('provider_id', '=', providerId)
          .execute();
      }
    },
  };
}

export type IntegrationsRepository = ReturnType<typeof createIntegrationsRepository>;

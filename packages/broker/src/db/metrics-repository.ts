import { type RawBuilder, sql } from 'kysely';
import type { Db } from './database.ts';

/** Rows in a broker table (a fixed name from this file, never request data), optionally those matching `where`. */
async function count(db: Db, table: string, where: RawBuilder<unknown> = sql`1 = 1`): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export function createMetricsRepository(db: Db) {
  return {
    /** How much the broker holds, in the shape of the real broker's `/metrics`. */
    async counts() {
      const firstLast = async (table: 'pact_publications' | 'verifications') => {
        const row = await db
          .selectFrom(table)
          .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
          .executeTakeFirstOrThrow();
        return { first: row.first ?? null, last: row.last ?? null };
      };
      const { rows: integrations } = await sql<{ n: number | string }>`
        select count(*) as n from (select distinct consumer_id, provider_id from pact_publications) as i`.execute(db);
      const distinctTags = await db
        .selectFrom('tags')
        .select((eb) => eb.fn.count<number>('name').distinct().as('n'))
        .executeTakeFirstOrThrow();
      return {
        pacticipants: {
          count: await count(db, 'pacticipants'),
          withMainBranchSetCount: await count(db, 'pacticipants', sql`main_branch is not null`),
        },
        integrations: { count: Number(integrations[0]?.n ?? 0) },
        pactPublications: { count: await count(db, 'pact_publications'), ...(await firstLast('pact_publications')) },
        pactVersions: { count: await count(db, 'pact_versions') },
        verificationResults: {
          count: await count(db, 'verifications'),
          successCount: await count(db, 'verifications', sql`success = 1`),
          failureCount: await count(db, 'verifications', sql`success = 0`),
          ...(await firstLast('verifications')),
        },
        pacticipantVersions: { count: await count(db, 'versions') },
        webhooks: { count: await count(db, 'webhooks') },
        tags: { count: await count(db, 'tags'), distinctCount: Number(distinctTags.n) },
        triggeredWebhooks: { count: await count(db, 'triggered_webhooks') },
        webhookExecutions: { count: await count(db, 'webhook_executions') },
        environments: { count: await count(db, 'environments') },
        deployedVersions: {
          count: await count(db, 'deployed_versions'),
          currentlyDeployedCount: await count(db, 'deployed_versions', sql`currently_deployed = 1`),
        },
        releasedVersions: {
          count: await count(db, 'released_versions'),
          currentlySupportedCount: await count(db, 'released_versions', sql`currently_supported = 1`),
        },
      };
    },
  };
}

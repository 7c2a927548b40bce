import type { DatabaseKind } from '@contract-kit/service-common';
import type { Clock, Db } from './database.ts';
import type { Flag } from './schema.ts';

export interface Verification {
  id: number;
  number: number;
  pactVersionId: number;
  sha: string;
  consumerId: number;
  consumerName: string;
  providerId: number;
  providerName: string;
  providerVersionId: number;
  providerVersionNumber: string;
  success: boolean;
  wip: boolean;
  pending: boolean | null;
  buildUrl: string | null;
  testResults: unknown;
  verifiedBy: unknown;
  createdAt: string;
}

export interface NewVerificationInput {
  pactVersionId: number;
  consumerId: number;
  providerId: number;
  providerVersionId: number;
  success: boolean;
  wip: boolean;
  pending: boolean | null;
  buildUrl: string | null;
  testResults: unknown;
  verifiedBy: unknown;
}

const flag = (value: boolean): Flag => (value ? 1 : 0);

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export function createVerificationsRepository(db: Db, now: Clock, kind: DatabaseKind = 'sqlite') {
  const base = () =>
    db
      .selectFrom('verifications as v')
      .innerJoin('pact_versions as pv', 'pv.id', 'v.pact_version_id')
      .innerJoin('pacticipants as consumer', 'consumer.id', 'v.consumer_id')
      .innerJoin('pacticipants as provider', 'provider.id', 'v.provider_id')
      .innerJoin('versions as prv', 'prv.id', 'v.provider_version_id')
      .select([
        'v.id',
        'v.number',
        'v.pact_version_id',
        'pv.sha',
        'v.consumer_id',
        'consumer.name as consumer_name',
        'v.provider_id',
        'provider.name as provider_name',
        'v.provider_version_id',
        'prv.number as provider_version_number',
        'v.success',
        'v.wip',
        'v.pending',
        'v.build_url',
        'v.test_results',
        'v.verified_by',
        'v.created_at',
      ]);

  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toVerification = (row: Row): Verification => ({
    id: row.id,
    number: row.number,
    pactVersionId: row.pact_version_id,
    sha: row.sha,
    consumerId: row.consumer_id,
    consumerName: row.consumer_name,
    providerId: row.provider_id,
    providerName: row.provider_name,
    providerVersionId: row.provider_version_id,
    providerVersionNumber: row.provider_version_number,
    success: row.success === 1,
    wip: row.wip === 1,
    pending: row.pending === null ? null : row.pending === 1,
    buildUrl: row.build_url,
    testResults: parse(row.test_results),
    verifiedBy: parse(row.verified_by),
    createdAt: row.created_at,
  });

  return {
    async create(input: NewVerificationInput): Promise<Verification> {
      // Two instances on one PostgreSQL database posting results for the same content would both read the same
      // last number: the pact version's row is locked until this transaction ends. (SQLite has one writer.)
      if (kind === 'postgres') {
        await db.selectFrom('pact_versions').select('id').where('id', '=', input.pactVersionId).forUpdate().execute();
      }
      const previous = await db
        .selectFrom('verifications')
        .select((eb) => eb.fn.max('number').as('last'))
        .where('pact_version_id', '=', input.pactVersionId)
        .executeTakeFirst();
      const inserted = await db
        .insertInto('verifications')
        .values({
          number: (previous?.last ?? 0) + 1,
          pact_version_id: input.pactVersionId,
          consumer_id: input.consumerId,
          provider_id: input.providerId,
          provider_version_id: input.providerVersionId,
          success: flag(input.success),
          wip: flag(input.wip),
          pending: input.pending === null ? null : flag(input.pending),
          build_url: input.buildUrl,
          test_results: input.testResults === undefined ? null : JSON.stringify(input.testResults),
          verified_by: input.verifiedBy === undefined ? null : JSON.stringify(input.verifiedBy),
          created_at: now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toVerification(await base().where('v.id', '=', inserted.id).executeTakeFirstOrThrow());
    },

    async find(pactVersionId: number, number: number): Promise<Verification | undefined> {
      const row = await base()
        .where('v.pact_version_id', '=', pactVersionId)
        .where('v.number', '=', number)
        .executeTakeFirst();
      return row && toVerification(row);
    },

    async findById(id: number): Promise<Verification | undefined> {
      const row = await base().where('v.id', '=', id).executeTakeFirst();
      return row && toVerification(row);
    },

    async latestForPactVersion(pactVersionId: number): Promise<Verification | undefined> {
      const row = await base()
        .where('v.pact_version_id', '=', pactVersionId)
        .orderBy('v.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toVerification(row);
    },

    async exists(pactVersionId: number, providerVersionId: number): Promise<boolean> {
      const row = await db
        .selectFrom('verifications')
        .select('id')
        .where('pact_version_id', '=', pactVersionId)
        .where('provider_version_id', '=', providerVersionId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Deletes one result and the webhooks it triggered (their executions cascade). */
    async delete(id: number): Promise<void> {
      await db.deleteFrom('triggered_webhooks').where('verification_id', '=', id).execute();
      await db.deleteFrom('verifications').where('id', '=', id).execute();
    },

    /** The latest result for each pact version a consumer version published, one per provider, by provider name. */
    async latestForConsumerVersion(consumerVersionId: number): Promise<Verification[]> {
      const rows = await base()
        .where((eb) =>
          eb(
            'v.id',
            'in',
            eb
              .selectFrom('verifications as v2')
              .innerJoin('pact_publications as pp', 'pp.pact_version_id', 'v2.pact_version_id')
              .select((e) => e.fn.max('v2.id').as('id'))
              .where('pp.consumer_version_id', '=', consumerVersionId)
              .groupBy('v2.pact_version_id'),
          ),
        )
        .orderBy('provider.name')
        .execute();
      return rows.map(toVerification);
    },

    async forProviderVersion(providerVersionId: number): Promise<Verification[]> {
      const rows = await base().where('v.provider_version_id', '=', providerVersionId).orderBy('v.id').execute();
      return rows.map(toVerification);
    },
  };
}

export type VerificationsRepository = ReturnType<typeof createVerificationsRepository>;

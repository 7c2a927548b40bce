import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface VersionRef {
  id: number;
  number: string;
}

/** Any version, or exactly these (possibly none). */
export type VersionSet = VersionRef[] | 'all';

/** One pact publication joined to one verification of its content (or to none: not verified). */
export interface MatrixRow {
  consumerId: number;
  consumerName: string;
  consumerVersionId: number;
  consumerVersionNumber: string;
  providerId: number;
  providerName: string;
  providerVersionId: number | null;
  providerVersionNumber: string | null;
  /** The publication the row comes from: later publications have higher ids. */
  pactPublicationId: number;
  pactVersionId: number;
  sha: string;
  pactCreatedAt: string;
  verificationId: number | null;
  verificationNumber: number | null;
  success: boolean | null;
  /** The verification ran while the pact was pending for the provider (its failure did not fail the build). */
  pending: boolean;
  verifiedAt: string | null;
  ignored: boolean;
}

export interface Party {
  id: number;
  name: string;
}

/** The queries behind the matrix: who integrates with whom, and the publications joined to their verifications. */
export function createMatrixRepository(db: Db) {
  return {
    /** The providers a consumer has published pacts for, from the given versions (or any). */
    async providersOf(consumerId: number, consumerVersions: VersionSet): Promise<number[]> {
      let query = db
        .selectFrom('pact_publications')
        .select('provider_id')
        .distinct()
        .where('consumer_id', '=', consumerId);
      if (consumerVersions !== 'all') {
        if (consumerVersions.length === 0) return [];
        query = query.where(
          'consumer_version_id',
          'in',
          consumerVersions.map((v) => v.id),
        );
      }
      return (await query.execute()).map((r) => r.provider_id);
    },

    /** The consumers that have published pacts with a provider. */
    async consumersOf(providerId: number): Promise<number[]> {
      const rows = await db
        .selectFrom('pact_publications')
        .select('consumer_id')
        .distinct()
        .where('provider_id', '=', providerId)
        .execute();
      return rows.map((r) => r.consumer_id);
    },

    /**
     * The rows between a consumer's versions and a provider's versions: each publication, left-joined on its pact
     * content to the verifications by the given provider versions.
     */
    async loadRows(
      consumer: Party,
      consumerVersions: VersionSet,
      provider: Party,
      providerVersions: VersionSet,
    ): Promise<MatrixRow[]> {
      if (consumerVersions !== 'all' && consumerVersions.length === 0) return [];
      let query = db
        .selectFrom('pact_publications as pp')
        .innerJoin('versions as cv', 'cv.id', 'pp.consumer_version_id')
        .innerJoin('pact_versions as pv', 'pv.id', 'pp.pact_version_id')
        .leftJoin('verifications as v', (join) => {
          const onContent = join.onRef('v.pact_version_id', '=', 'pp.pact_version_id');
          if (providerVersions === 'all') return onContent;
          if (providerVersions.length === 0) return onContent.on(sql<boolean>`1 = 0`);
          return onContent.on(
            'v.provider_version_id',
            'in',
            providerVersions.map((v) => v.id),
          );
        })
        .leftJoin('versions as prv', 'prv.id', 'v.provider_version_id')
        .select([
          'pp.id as pact_publication_id',
          'pp.consumer_version_id',
          'cv.number as consumer_version_number',
          'pp.pact_version_id',
          'pv.sha',
          'pp.created_at as pact_created_at',
          'v.id as verification_id',
          'v.number as verification_number',
          'v.provider_version_id',
          'prv.number as provider_version_number',
          'v.success',
          'v.pending',
          'v.created_at as verified_at',
        ])
        .where('pp.consumer_id', '=', consumer.id)
        .where('pp.provider_id', '=', provider.id);
      if (consumerVersions !== 'all') {
        query = query.where(
          'pp.consumer_version_id',
          'in',
          consumerVersions.map((v) => v.id),
        );
      }
      const rows = await query.execute();
      return rows.map((r) => ({
        consumerId: consumer.id,
        consumerName: consumer.name,
        consumerVersionId: r.consumer_version_id,
        consumerVersionNumber: r.consumer_version_number,
        providerId: provider.id,
        providerName: provider.name,
        providerVersionId: r.provider_version_id,
        providerVersionNumber: r.provider_version_number,
        pactPublicationId: r.pact_publication_id,
        pactVersionId: r.pact_version_id,
        sha: r.sha,
        pactCreatedAt: r.pact_created_at,
        verificationId: r.verification_id,
        verificationNumber: r.verification_number,
        success: r.success === null ? null : r.success === 1,
        pending: r.pending === 1,
        verifiedAt: r.verified_at,
        ignored: false,
      }));
    },
  };
}

export type MatrixRepository = ReturnType<typeof createMatrixRepository>;

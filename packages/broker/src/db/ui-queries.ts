import { sql } from 'kysely';
import type { Db } from './database.ts';

/** Reads for the pages, set-based so that a page costs a handful of queries whatever the broker holds. */

export interface IntegrationSummary {
  consumer: string;
  provider: string;
  consumerVersion: string;
  publishedAt: string;
  sha: string;
  success: boolean | null;
  verifiedAt: string | null;
  providerVersion: string | null;
  pending: boolean;
}

interface IntegrationRow {
  consumer: string;
  provider: string;
  consumer_version: string;
  published_at: string;
  sha: string;
  success: number | null;
  verified_at: string | null;
  provider_version: string | null;
  pending: number | null;
}

const toIntegration = (r: IntegrationRow): IntegrationSummary => ({
  consumer: r.consumer,
  provider: r.provider,
  consumerVersion: r.consumer_version,
  publishedAt: r.published_at,
  sha: r.sha,
  success: r.success === null ? null : r.success === 1,
  verifiedAt: r.verified_at,
  providerVersion: r.provider_version,
  pending: r.pending === 1,
});

export interface IntegrationFilter {
  /** A part of either name, any case. */
  search?: string;
  /** Only the integrations this pacticipant is part of. */
  pacticipantId?: number;
  limit: number;
}

/** Each integration's latest pact (by consumer version) and the latest verification of that pact's content. */
export async function integrations(
  db: Db,
  filter: IntegrationFilter,
): Promise<{ rows: IntegrationSummary[]; total: number }> {
  const like = filter.search ? `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  // Typed by cast: PostgreSQL cannot tell a bare `$1 is null` parameter's type. Lowered: its LIKE minds case.
  const id = filter.pacticipantId ?? null;
  const where = sql`(cast(${like} as text) is null or lower(c.name) like ${like} escape '\\' or lower(p.name) like ${like} escape '\\')
    and (cast(${id} as integer) is null or c.id = ${id} or p.id = ${id})`;
  const heads = sql`select consumer_id, provider_id, max(consumer_version_id) as cvid
    from pact_publications group by provider_id, consumer_id`;
  // The page of integrations is chosen first (names only), then only its rows get their pact and verification:
  // the per-row lookups cost 100 probes, not one per integration. The window counts the matches before the limit.
  const { rows } = await sql<IntegrationRow & { total: number }>`
    with chosen as (
      select h.consumer_id, h.provider_id, h.cvid, c.name as consumer, p.name as provider,
        count(*) over () as total
      from (${heads}) h
      join pacticipants c on c.id = h.consumer_id
      join pacticipants p on p.id = h.provider_id
      where ${where}
      order by c.name, p.name
      limit ${filter.limit})
    select h.consumer, h.provider, cv.number as consumer_version, pp.created_at as published_at,
      pv.sha as sha, v.success as success, v.created_at as verified_at, prv.number as provider_version,
      v.pending as pending, h.total as total
    from chosen h
    join pact_publications pp on pp.provider_id = h.provider_id and pp.consumer_id = h.consumer_id
      and pp.consumer_version_id = h.cvid
    join versions cv on cv.id = pp.consumer_version_id
    join pact_versions pv on pv.id = pp.pact_version_id
    left join verifications v on v.id = (
      select max(id) from verifications where pact_version_id = pp.pact_version_id)
    left join versions prv on prv.id = v.provider_version_id
    order by h.consumer, h.provider`.execute(db);
  return { rows: rows.map(toIntegration), total: Number(rows[0]?.total ?? 0) };
}

export interface GraphEdge {
  consumer: string;
  provider: string;
  success: boolean | null;
}

/** Every integration with the status of its latest pact: the network graph's edges. */
export async function graphEdges(db: Db): Promise<GraphEdge[]> {
  const { rows } = await sql<{ consumer: string; provider: string; success: number | null }>`
    select c.name as consumer, p.name as provider, v.success as success
    from (select consumer_id, provider_id, max(consumer_version_id) as cvid
          from pact_publications group by provider_id, consumer_id) h
    join pacticipants c on c.id = h.consumer_id
    join pacticipants p on p.id = h.provider_id
    join pact_publications pp on pp.provider_id = h.provider_id and pp.consumer_id = h.consumer_id
      and pp.consumer_version_id = h.cvid
    left join verifications v on v.id = (
      select max(id) from verifications where pact_version_id = pp.pact_version_id)`.execute(db);
  return rows.map((r) => ({
    consumer: r.consumer,
    provider: r.provider,
    success: r.success === null ? null : r.success === 1,
  }));
}

export async function pacticipantNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('pacticipants').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

export interface VersionLine {
  id: number;
  number: string;
  createdAt: string;
  branches: string[];
  tags: string[];
  environments: { name: string; kind: 'deployed' | 'released' }[];
}

/** The latest versions of a pacticipant with their branches, tags and where they run. */
export async function recentVersions(
  db: Db,
  pacticipantId: number,
  limit: number,
): Promise<{ versions: VersionLine[]; total: number }> {
  const rows = await db
    .selectFrom('versions')
    .select(['id', 'number', 'created_at'])
    .where('pacticipant_id', '=', pacticipantId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const total = await db
    .selectFrom('versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pacticipant_id', '=', pacticipantId)
    .executeTakeFirst();
  const versions = new Map<number, VersionLine>(
    rows.map((r) => [
      r.id,
      { id: r.id, number: r.number, createdAt: r.created_at, branches: [], tags: [], environments: [] },
    ]),
  );
  const ids = [...versions.keys()];
  if (ids.length > 0) {
    const list = sql.join(ids);
    const branches = await sql<{ version_id: number; name: string }>`
      select bv.version_id, b.name from branch_versions bv join branches b on b.id = bv.branch_id
      where bv.version_id in (${list}) order by b.name`.execute(db);
    for (const r of branches.rows) versions.get(r.version_id)?.branches.push(r.name);
    const tags = await sql<{ version_id: number; name: string }>`
      select version_id, name from tags where version_id in (${list}) order by name`.execute(db);
    for (const r of tags.rows) versions.get(r.version_id)?.tags.push(r.name);
    const environments = await sql<{ version_id: number; name: string; kind: 'deployed' | 'released' }>`
      select d.version_id, e.name, 'deployed' as kind from deployed_versions d
        join environments e on e.id = d.environment_id
        where d.version_id in (${list}) and d.currently_deployed = 1
      union
      select r.version_id, e.name, 'released' as kind from released_versions r
        join environments e on e.id = r.environment_id
        where r.version_id in (${list}) and r.currently_supported = 1
      order by 2`.execute(db);
    for (const r of environments.rows) versions.get(r.version_id)?.environments.push({ name: r.name, kind: r.kind });
  }
  return { versions: [...versions.values()], total: total?.n ?? 0 };
}

export interface BranchLine {
  name: string;
  latestVersion: string | null;
  versions: number;
}

export async function branchesOf(db: Db, pacticipantId: number): Promise<BranchLine[]> {
  const { rows } = await sql<{ name: string; latest: string | null; n: number }>`
    select b.name as name, g.n as n, v.number as latest
    from branches b
    left join (select branch_id, count(*) as n, max(version_id) as vid from branch_versions
      where pacticipant_id = ${pacticipantId} group by branch_id) g
      on g.branch_id = b.id
    left join versions v on v.id = g.vid
    where b.pacticipant_id = ${pacticipantId}
    order by g.vid desc`.execute(db);
  return rows.map((r) => ({ name: r.name, latestVersion: r.latest, versions: r.n ?? 0 }));
}

export interface Deployment {
  environment: string;
  production: boolean;
  version: string;
  kind: 'deployed' | 'released';
  applicationInstance: string;
  since: string;
}

/** What of this pacticipant runs where now: currently deployed and currently supported releases. */
export async function deploymentsOf(db: Db, pacticipantId: number): Promise<Deployment[]> {
  const { rows } = await sql<{
    environment: string;
    production: number;
    version: string;
    kind: 'deployed' | 'released';
    instance: string;
    since: string;
  }>`
    select e.name as environment, e.production as production, v.number as version, 'deployed' as kind,
      d.application_instance as instance, d.created_at as since
    from deployed_versions d join environments e on e.id = d.environment_id join versions v on v.id = d.version_id
    where d.pacticipant_id = ${pacticipantId} and d.currently_deployed = 1
    union all
    select e.name, e.production, v.number, 'released', '', r.created_at
    from released_versions r join environments e on e.id = r.environment_id join versions v on v.id = r.version_id
    where r.pacticipant_id = ${pacticipantId} and r.currently_supported = 1
    order by 1, 6 desc`.execute(db);
  return rows.map((r) => ({
    environment: r.environment,
    production: r.production === 1,
    version: r.version,
    kind: r.kind,
    applicationInstance: r.instance,
    since: r.since,
  }));
}

export interface PactPublication {
  consumerVersion: string;
  pactVersionId: number;
  sha: string;
  content: string;
  publishedAt: string;
}

/** The pact a consumer version published for a provider, with its content. */
export async function publication(
  db: Db,
  consumerId: number,
  providerId: number,
  consumerVersion: string,
): Promise<PactPublication | undefined> {
  const row = await db
    .selectFrom('pact_publications as pp')
    .innerJoin('versions as cv', 'cv.id', 'pp.consumer_version_id')
    .innerJoin('pact_versions as pv', 'pv.id', 'pp.pact_version_id')
    .select(['cv.number', 'pp.pact_version_id', 'pv.sha', 'pv.content', 'pp.created_at'])
    .where('pp.consumer_id', '=', consumerId)
    .where('pp.provider_id', '=', providerId)
    .where('cv.number', '=', consumerVersion)
    .executeTakeFirst();
  return row
    ? {
        consumerVersion: row.number,
        pactVersionId: row.pact_version_id,
        sha: row.sha,
        content: row.content,
        publishedAt: row.created_at,
      }
    : undefined;
}

export interface VerificationLine {
  number: number;
  success: boolean;
  pending: boolean | null;
  providerVersion: string;
  verifiedAt: string;
  buildUrl: string | null;
  testResults: unknown;
}

export async function verificationsOf(db: Db, pactVersionId: number, limit: number): Promise<VerificationLine[]> {
  const rows = await db
    .selectFrom('verifications as v')
    .innerJoin('versions as pv', 'pv.id', 'v.provider_version_id')
    .select([
      'v.number',
      'v.success',
      'v.pending',
      'pv.number as provider_version',
      'v.created_at',
      'v.build_url',
      'v.test_results',
    ])
    .where('v.pact_version_id', '=', pactVersionId)
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    number: r.number,
    success: r.success === 1,
    pending: r.pending === null ? null : r.pending === 1,
    providerVersion: r.provider_version,
    verifiedAt: r.created_at,
    buildUrl: r.build_url,
    testResults: r.test_results === null ? null : safeParse(r.test_results),
  }));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface MatrixLine {
  consumer: string;
  consumerVersion: string;
  provider: string;
  providerVersion: string | null;
  success: boolean | null;
  publishedAt: string;
  verifiedAt: string | null;
}

export interface MatrixFilter {
  consumer?: string;
  provider?: string;
  consumerVersion?: string;
  status?: 'success' | 'failed' | 'unverified';
  limit: number;
}

/** Pact publications joined to their content's verifications, latest first, filtered by name and outcome. */
export async function matrixLines(db: Db, filter: MatrixFilter): Promise<MatrixLine[]> {
  let query = db
    .selectFrom('pact_publications as pp')
    .innerJoin('pacticipants as c', 'c.id', 'pp.consumer_id')
    .innerJoin('pacticipants as p', 'p.id', 'pp.provider_id')
    .innerJoin('versions as cv', 'cv.id', 'pp.consumer_version_id')
    .leftJoin('verifications as v', 'v.pact_version_id', 'pp.pact_version_id')
    .leftJoin('versions as prv', 'prv.id', 'v.provider_version_id')
    .select([
      'c.name as consumer',
      'cv.number as consumer_version',
      'p.name as provider',
      'prv.number as provider_version',
      'v.success',
      'pp.created_at as published_at',
      'v.created_at as verified_at',
    ]);
  if (filter.consumer) query = query.where('c.name', '=', filter.consumer);
  if (filter.provider) query = query.where('p.name', '=', filter.provider);
  if (filter.consumerVersion) query = query.where('cv.number', '=', filter.consumerVersion);
  if (filter.status === 'success') query = query.where('v.success', '=', 1);
  if (filter.status === 'failed') query = query.where('v.success', '=', 0);
  if (filter.status === 'unverified') query = query.where('v.id', 'is', null);
  const rows = await query.orderBy('pp.id', 'desc').orderBy('v.id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    consumer: r.consumer,
    consumerVersion: r.consumer_version,
    provider: r.provider,
    providerVersion: r.provider_version,
    success: r.success === null ? null : r.success === 1,
    publishedAt: r.published_at,
    verifiedAt: r.verified_at,
  }));
}

/** The consumer versions that published a pact for this integration, latest first: what a diff can compare. */
export async function pactVersionsOf(
  db: Db,
  consumerId: number,
  providerId: number,
  limit: number,
): Promise<{ number: string; sha: string; publishedAt: string }[]> {
  const rows = await db
    .selectFrom('pact_publications as pp')
    .innerJoin('versions as cv', 'cv.id', 'pp.consumer_version_id')
    .innerJoin('pact_versions as pv', 'pv.id', 'pp.pact_version_id')
    .select(['cv.number', 'pv.sha', 'pp.created_at'])
    .where('pp.consumer_id', '=', consumerId)
    .where('pp.provider_id', '=', providerId)
    .orderBy('pp.consumer_version_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ number: r.number, sha: r.sha, publishedAt: r.created_at }));
}

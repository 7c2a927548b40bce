import type { Publication, PublicationFilter } from '../db/pacts-repository.ts';
import { type PendingStatus, type ProviderContext, pendingStatuses } from '../db/pending-status.ts';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow } from '../db/schema.ts';
import { BrokerValidationError } from '../errors.ts';
import type { ConsumerVersionSelector, ForVerificationRequest } from './request.ts';

/** Why one consumer version's pact was chosen. */
export interface Selection {
  kind: 'mainBranch' | 'branch' | 'matchingBranch' | 'tag' | 'latest' | 'deployed' | 'released';
  latest: boolean;
  branch?: string;
  tag?: string;
  environment?: string;
  /** The selector fell back to its fallbackBranch/fallbackTag. */
  fallback?: boolean;
  /** With `fallback`: the branch or tag asked for first, which had no pact. */
  requested?: string;
  consumerFilter?: string;
  publication: Publication;
}

/** A WIP pact is the head of a consumer branch or tag. */
export interface WipHead {
  kind: 'branch' | 'tag';
  name: string;
  publication: Publication;
}

/** One entry of the pacts-for-verification response: a distinct pact content and every reason to verify it. */
export interface SelectedPact {
  pactVersionId: number;
  sha: string;
  consumerName: string;
  providerName: string;
  selections: Selection[];
  wip: boolean;
  wipHeads: WipHead[];
  pending?: PendingStatus;
}

type Resolver = (selector: ConsumerVersionSelector, consumerId: number | undefined) => Promise<Selection[]>;

function latestOnly(publications: Publication[], make: (p: Publication) => Selection): Selection[] {
  return publications.map(make);
}

function createResolver(repos: Repositories, provider: PacticipantRow, request: ForVerificationRequest): Resolver {
  const consumersById = new Map<number, PacticipantRow | undefined>();
  const consumer = async (id: number) => {
    if (!consumersById.has(id)) consumersById.set(id, await repos.pacticipants.findById(id));
    return consumersById.get(id);
  };
  const latest = (filter: PublicationFilter) => repos.pacts.latestPerConsumer(provider.id, filter);

  async function withFallback(
    primary: PublicationFilter,
    fallback: PublicationFilter | undefined,
  ): Promise<{ publication: Publication; fallback: boolean }[]> {
    const found = (await latest(primary)).map((publication) => ({ publication, fallback: false }));
    if (!fallback) return found;
    const covered = new Set(found.map((f) => f.publication.consumerId));
    const extra = (await latest(fallback)).filter((p) => !covered.has(p.consumerId));
    return [...found, ...extra.map((publication) => ({ publication, fallback: true }))];
  }

  async function deployedOrReleased(selector: ConsumerVersionSelector, consumerId: number | undefined) {
    const environment = selector.environment ? await repos.environments.findByName(selector.environment) : undefined;
    const envOnly = !selector.deployed && !selector.released && !selector.deployedOrReleased;
    const wantDeployed = selector.deployed || selector.deployedOrReleased || envOnly;
    const wantReleased = selector.released || selector.deployedOrReleased || envOnly;
    const filter = {
      currentOnly: true,
      ...(environment ? { environmentId: environment.id } : {}),
      ...(consumerId !== undefined ? { pacticipantId: consumerId } : {}),
    };
    const placements: { versionId: number; environment: string; kind: 'deployed' | 'released' }[] = [];
    if (wantDeployed) {
      for (const d of await repos.deployments.listDeployed(filter)) {
        placements.push({ versionId: d.versionId, environment: d.environmentName, kind: 'deployed' });
      }
    }
    if (wantReleased) {
      for (const r of await repos.deployments.listReleased(filter)) {
        placements.push({ versionId: r.versionId, environment: r.environmentName, kind: 'released' });
      }
    }
    const publications = await repos.pacts.findForProvider(provider.id, {
      consumerVersionIds: [...new Set(placements.map((p) => p.versionId))],
    });
    const byVersion = new Map(publications.map((p) => [p.consumerVersionId, p]));
    const seen = new Set<string>();
    const selections: Selection[] = [];
    for (const placement of placements) {
      const publication = byVersion.get(placement.versionId);
      const key = `${placement.kind}:${placement.environment}:${placement.versionId}`;
      if (!publication || seen.has(key)) continue;
      seen.add(key);
      selections.push({ kind: placement.kind, latest: false, environment: placement.environment, publication });
    }
    return selections;
  }

  return async (selector, consumerId) => {
    const consumerFilter = selector.consumer !== undefined ? { consumerFilter: selector.consumer } : {};
    const scope: PublicationFilter = consumerId !== undefined ? { consumerId } : {};
    if (selector.mainBranch) {
      const found = await latest({ ...scope, mainBranch: true });
      const selections: Selection[] = [];
      for (const publication of found) {
        const branch = (await consumer(publication.consumerId))?.main_branch ?? undefined;
        selections.push({
          kind: 'mainBranch',
          latest: true,
          ...(branch ? { branch } : {}),
          ...consumerFilter,
          publication,
        });
      }
      return selections;
    }
    if (selector.matchingBranch) {
      const branch = request.providerVersionBranch as string;
      return latestOnly(await latest({ ...scope, branch }), (publication) => ({
        kind: 'matchingBranch',
        latest: true,
        branch,
        ...consumerFilter,
        publication,
      }));
    }
    if (selector.branch !== undefined) {
      const found = await withFallback(
        { ...scope, branch: selector.branch },
        selector.fallbackBranch !== undefined ? { ...scope, branch: selector.fallbackBranch } : undefined,
      );
      return found.map(({ publication, fallback }) => ({
        kind: 'branch' as const,
        latest: true,
        branch: fallback ? (selector.fallbackBranch as string) : selector.branch,
        ...(fallback ? { fallback, requested: selector.branch } : {}),
        ...consumerFilter,
        publication,
      }));
    }
    if (selector.tag !== undefined) {
      if (selector.latest) {
        const found = await withFallback(
          { ...scope, tag: selector.tag },
          selector.fallbackTag !== undefined ? { ...scope, tag: selector.fallbackTag } : undefined,
        );
        return found.map(({ publication, fallback }) => ({
          kind: 'tag' as const,
          latest: true,
          tag: fallback ? (selector.fallbackTag as string) : selector.tag,
          ...(fallback ? { fallback, requested: selector.tag } : {}),
          ...consumerFilter,
          publication,
        }));
      }
      const all = await repos.pacts.findForProvider(provider.id, { ...scope, tag: selector.tag });
      return all.map((publication) => ({
        kind: 'tag' as const,
        latest: false,
        tag: selector.tag,
        ...consumerFilter,
        publication,
      }));
    }
    if (selector.deployed || selector.released || selector.deployedOrReleased || selector.environment !== undefined) {
      return (await deployedOrReleased(selector, consumerId)).map((s) => ({ ...s, ...consumerFilter }));
    }
    return latestOnly(await latest(scope), (publication) => ({
      kind: 'latest',
      latest: true,
      ...consumerFilter,
      publication,
    }));
  };
}

/**
 * With no selectors: each consumer's latest main-branch pact, else its latest pact tagged with the main branch's
 * name (consumers that tagged before branches existed), else its latest pact; plus everything deployed or released.
 */
async function defaultSelections(repos: Repositories, resolve: Resolver): Promise<Selection[]> {
  const main = await resolve({ mainBranch: true }, undefined);
  const covered = new Set(main.map((s) => s.publication.consumerId));
  const rest: Selection[] = [];
  for (const s of await resolve({ latest: true }, undefined)) {
    if (covered.has(s.publication.consumerId)) continue;
    const mainBranch = (await repos.pacticipants.findById(s.publication.consumerId))?.main_branch;
    const tagged = mainBranch ? await resolve({ tag: mainBranch, latest: true }, s.publication.consumerId) : [];
    rest.push(...(tagged.length > 0 ? tagged : [s]));
  }
  return [
    ...main,
    ...rest,
    ...(await resolve({ deployed: true }, undefined)),
    ...(await resolve({ released: true }, undefined)),
  ];
}

async function checkEnvironments(repos: Repositories, selectors: ConsumerVersionSelector[]): Promise<void> {
  const errors: Record<string, string[]> = {};
  for (const [index, selector] of selectors.entries()) {
    if (selector.environment !== undefined && !(await repos.environments.findByName(selector.environment))) {
      errors[`consumerVersionSelectors[${index}]`] = [`environment with name '${selector.environment}' does not exist`];
    }
  }
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
}

function squash(selections: Selection[], providerName: string): SelectedPact[] {
  const byPactVersion = new Map<number, SelectedPact>();
  for (const selection of selections) {
    const { publication } = selection;
    let entry = byPactVersion.get(publication.pactVersionId);
    if (!entry) {
      entry = {
        pactVersionId: publication.pactVersionId,
        sha: publication.sha,
        consumerName: publication.consumerName,
        providerName,
        selections: [],
        wip: false,
        wipHeads: [],
      };
      byPactVersion.set(publication.pactVersionId, entry);
    }
    entry.selections.push(selection);
  }
  const pacts = [...byPactVersion.values()];
  for (const pact of pacts) {
    pact.selections.sort((a, b) => b.publication.consumerVersionId - a.publication.consumerVersionId);
  }
  return pacts.sort(
    (a, b) =>
      a.consumerName.localeCompare(b.consumerName) ||
      (b.selections[0]?.publication.consumerVersionId ?? 0) - (a.selections[0]?.publication.consumerVersionId ?? 0),
  );
}

async function wipPacts(
  repos: Repositories,
  ctx: ProviderContext,
  since: Date,
  explicit: Set<number>,
): Promise<SelectedPact[]> {
  if (ctx.branch === undefined && ctx.tags.length === 0) return [];
  const sinceIso = since.toISOString();
  const heads: WipHead[] = [
    ...(await repos.pacts.branchHeads(ctx.providerId)).map((h) => ({ kind: 'branch' as const, ...h })),
    ...(await repos.pacts.tagHeads(ctx.providerId)).map((h) => ({ kind: 'tag' as const, ...h })),
  ].filter((h) => h.publication.createdAt > sinceIso && !explicit.has(h.publication.pactVersionId));

  const byPactVersion = new Map<number, SelectedPact>();
  for (const head of heads) {
    const { publication } = head;
    let entry = byPactVersion.get(publication.pactVersionId);
    if (!entry) {
      entry = {
        pactVersionId: publication.pactVersionId,
        sha: publication.sha,
        consumerName: publication.consumerName,
        providerName: ctx.providerName,
        selections: [],
        wip: true,
        wipHeads: [],
      };
      byPactVersion.set(publication.pactVersionId, entry);
    }
    entry.wipHeads.push(head);
  }
  const statuses = await pendingStatuses(repos.db, ctx, [...byPactVersion.keys()]);
  const wip: SelectedPact[] = [];
  for (const entry of byPactVersion.values()) {
    const status = statuses.get(entry.pactVersionId);
    if (!status?.pending) continue;
    entry.pending = status;
    wip.push(entry);
  }
  // By consumer, then oldest consumer version first, as the real broker orders its WIP pacts.
  const newest = (pact: SelectedPact) => Math.max(...pact.wipHeads.map((h) => h.publication.consumerVersionId));
  return wip.sort((a, b) => a.consumerName.localeCompare(b.consumerName) || newest(a) - newest(b));
}

/**
 * The provider's pacts to verify: each selector resolved per consumer, squashed to distinct content, marked pending
 * when asked, followed by the work-in-progress pacts when `includeWipPactsSince` is given.
 */
export async function selectPactsForVerification(
  repos: Repositories,
  provider: PacticipantRow,
  request: ForVerificationRequest,
): Promise<SelectedPact[]> {
  await checkEnvironments(repos, request.consumerVersionSelectors);
  const resolve = createResolver(repos, provider, request);
  let selections: Selection[];
  if (request.consumerVersionSelectors.length === 0) {
    selections = await defaultSelections(repos, resolve);
  } else {
    selections = [];
    for (const selector of request.consumerVersionSelectors) {
      let consumerId: number | undefined;
      if (selector.consumer !== undefined) {
        const consumer = await repos.pacticipants.findByName(selector.consumer);
        if (!consumer) continue;
        consumerId = consumer.id;
      }
      selections.push(...(await resolve(selector, consumerId)));
    }
  }

  const ctx: ProviderContext = {
    providerId: provider.id,
    providerName: provider.name,
    tags: request.providerVersionTags,
    ...(request.providerVersionBranch !== undefined ? { branch: request.providerVersionBranch } : {}),
  };
  const pacts = squash(selections, provider.name);
  if (request.includePendingStatus) {
    const statuses = await pendingStatuses(
      repos.db,
      ctx,
      pacts.map((p) => p.pactVersionId),
    );
    for (const pact of pacts) pact.pending = statuses.get(pact.pactVersionId);
  }
  if (request.includeWipPactsSince === undefined) return pacts;
  const explicit = new Set(pacts.map((p) => p.pactVersionId));
  return [...pacts, ...(await wipPacts(repos, ctx, request.includeWipPactsSince, explicit))];
}

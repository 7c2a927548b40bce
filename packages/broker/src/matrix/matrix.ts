import type { BranchVersionRef } from '../db/branches-repository.ts';
import type { EnvironmentRef } from '../db/deployments-repository.ts';
import type { Environment } from '../db/environments-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow } from '../db/schema.ts';
import type { TagRow } from '../db/tags-repository.ts';
import { BrokerValidationError } from '../errors.ts';
import { createUrls } from '../hal.ts';
import type { IgnoreSelector, MatrixQuery } from './query.ts';
import { nextSteps, ReasonCodes } from './reasons.ts';
import { nameIn, type ResolvedVersions, resolveSelector, resolveTarget } from './resolve.ts';
import { applyLatestBy, type MatrixRow } from './rows.ts';
import { type MatrixNotice, type MatrixSummary, MatrixWarnings, summarize } from './summary.ts';

/** What the matrix document shows of each version in its rows. */
export interface VersionDetails {
  branches: BranchVersionRef[];
  tags: TagRow[];
  environments: EnvironmentRef[];
}

export interface MatrixResult {
  summary: MatrixSummary;
  notices: MatrixNotice[];
  /** Rows to show: considered first, then ignored; filtered by `success[]`, cut at `limit`. */
  rows: MatrixRow[];
  /** By version id, every consumer and provider version in `rows`: rendering needs nothing more. */
  versions: Map<number, VersionDetails>;
}

/** Branches, tags and environments of the versions shown, three queries for all the rows. */
async function detailsOf(repos: Repositories, rows: MatrixRow[]): Promise<Map<number, VersionDetails>> {
  const ids = [
    ...new Set(
      rows.flatMap((r) =>
        r.providerVersionId === null ? [r.consumerVersionId] : [r.consumerVersionId, r.providerVersionId],
      ),
    ),
  ];
  const [branches, tags, environments] = [
    await repos.branches.forVersions(ids),
    await repos.tags.forVersions(ids),
    await repos.deployments.currentEnvironmentsOf(ids),
  ];
  return new Map(
    ids.map((id) => [
      id,
      { branches: branches.get(id) ?? [], tags: tags.get(id) ?? [], environments: environments.get(id) ?? [] },
    ]),
  );
}

async function lookUp(repos: Repositories, query: MatrixQuery) {
  const errors: string[] = [];
  const pacticipants = new Map<string, PacticipantRow>();
  for (const name of new Set(query.selectors.map((s) => s.pacticipant))) {
    const row = await repos.pacticipants.findByName(name);
    if (row) pacticipants.set(name, row);
    else errors.push(`Pacticipant ${name} not found`);
  }
  const environments = new Map<string, Environment>();
  const names = [query.target.environment, ...query.selectors.map((s) => s.environment)];
  for (const name of new Set(names.filter((n): n is string => n !== undefined))) {
    const environment = await repos.environments.findByName(name);
    if (environment) environments.set(name, environment);
    else errors.push(`Environment with name '${name}' does not exist`);
  }
  if (errors.length > 0) throw new BrokerValidationError(errors);
  return { pacticipants, environments };
}

const party = (resolved: ResolvedVersions) => ({ id: resolved.pacticipant.id, name: resolved.pacticipant.name });

function matchesIgnore(ignore: IgnoreSelector[], name: string, version: string | null): boolean {
  return ignore.some((i) => i.pacticipant === name && (i.version === undefined || i.version === version));
}

/**
 * The real broker's advice on the question: name the environment when asking about one version, and ask about a
 * version number rather than a tag or branch (a name alone is a matrix browse, not a deployment question).
 */
function warningsFor(query: MatrixQuery): string[] {
  const warnings: string[] = [];
  const { target } = query;
  if (query.selectors.length === 1 && !target.tag && !target.environment && !target.mainBranch) {
    warnings.push(MatrixWarnings.noEnvironment);
  }
  const beyondName = query.selectors.filter((s) => Object.keys(s).some((key) => key !== 'pacticipant'));
  if (beyondName.length > 0 && !query.selectors.some((s) => s.version !== undefined)) {
    warnings.push(MatrixWarnings.noVersionNumber);
  }
  return warnings;
}

/**
 * The real broker warns when an ignore selector names a pacticipant or version that does not exist: a typo there
 * would otherwise pass silently, and the question would be answered without what the user meant to ignore.
 */
async function ignoreWarnings(repos: Repositories, ignore: IgnoreSelector[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const selector of ignore) {
    const pacticipant = await repos.pacticipants.findByName(selector.pacticipant);
    if (!pacticipant) {
      warnings.push(`WARN: Cannot ignore any version of ${selector.pacticipant} (no such pacticipant exists)`);
    } else if (selector.version !== undefined && !(await repos.versions.find(pacticipant.id, selector.version))) {
      warnings.push(
        `WARN: Cannot ignore version ${selector.version} of ${selector.pacticipant} (no such version exists)`,
      );
    }
  }
  return warnings;
}

/** When a row last changed: its verification, or its pact's publication when that came later (or alone). */
function lastActionAt(row: MatrixRow): number {
  const published = Date.parse(row.pactCreatedAt);
  return row.verifiedAt === null ? published : Math.max(published, Date.parse(row.verifiedAt));
}

/**
 * The `limit` rows that changed last, as the real broker picks them (its `order_by_last_action_date`): the latest
 * action first, then the later publication, then the later verification; considered rows before ignored ones.
 * They are shown in the matrix's order.
 */
function latestRows(rows: MatrixRow[], limit: number): MatrixRow[] {
  if (rows.length <= limit) return rows;
  return [...rows]
    .sort(
      (a, b) =>
        Number(a.ignored) - Number(b.ignored) ||
        lastActionAt(b) - lastActionAt(a) ||
        b.pactPublicationId - a.pactPublicationId ||
        (b.verificationId ?? 0) - (a.verificationId ?? 0),
    )
    .slice(0, limit);
}

function sortRows(rows: MatrixRow[]): MatrixRow[] {
  return rows.sort(
    (a, b) =>
      Number(a.ignored) - Number(b.ignored) ||
      a.consumerName.localeCompare(b.consumerName) ||
      b.consumerVersionId - a.consumerVersionId ||
      a.providerName.localeCompare(b.providerName) ||
      (b.providerVersionId ?? 0) - (a.providerVersionId ?? 0) ||
      (b.verificationId ?? 0) - (a.verificationId ?? 0),
  );
}

/**
 * Resolves the selectors to versions, loads the rows between them (inferring the integrated pacticipants and
 * their versions when only one selector is given), and decides whether the selection is deployable.
 */
export async function computeMatrix(
  repos: Repositories,
  query: MatrixQuery,
  /** The pact's URL for a row, named in the next steps; its path when not given. */
  pactUrl: (row: MatrixRow) => string = (r) =>
    createUrls('').pact(r.providerName, r.consumerName, r.consumerVersionNumber),
): Promise<MatrixResult> {
  const { pacticipants, environments } = await lookUp(repos, query);
  const specified: ResolvedVersions[] = [];
  for (const selector of query.selectors) {
    specified.push(
      await resolveSelector(repos, pacticipants.get(selector.pacticipant) as PacticipantRow, selector, environments),
    );
  }

  const targets = new Map<number, ResolvedVersions & { missing?: true }>();
  let rows: MatrixRow[] = [];
  const [only] = specified;
  const specifiedIds = new Set(specified.map((s) => s.pacticipant.id));
  /** Rows between a specified selector and each pacticipant it integrates with that was not specified. */
  const infer = async (from: ResolvedVersions) => {
    const providers = new Set(await repos.matrix.providersOf(from.pacticipant.id, from.versions));
    const consumers = new Set(await repos.matrix.consumersOf(from.pacticipant.id));
    const others = await repos.pacticipants.findByIds([...new Set([...providers, ...consumers])]);
    for (const other of others) {
      const id = other.id;
      if (specifiedIds.has(id)) continue;
      const target = targets.get(id) ?? (await resolveTarget(repos, other, query.target, environments));
      targets.set(id, target);
      if (providers.has(id))
        rows.push(...(await repos.matrix.loadRows(party(from), from.versions, party(target), target.versions)));
      if (consumers.has(id))
        rows.push(...(await repos.matrix.loadRows(party(target), target.versions, party(from), from.versions)));
    }
  };
  if (specified.length === 1 && only) {
    await infer(only);
  } else {
    const seen = new Set<string>();
    for (const consumer of specified) {
      for (const provider of specified) {
        const key = `${consumer.pacticipant.id}:${provider.pacticipant.id}`;
        if (consumer.pacticipant.id === provider.pacticipant.id || seen.has(key)) continue;
        seen.add(key);
        targets.set(provider.pacticipant.id, provider);
        rows.push(
          ...(await repos.matrix.loadRows(party(consumer), consumer.versions, party(provider), provider.versions)),
        );
      }
    }
    // With a destination (latest, a tag, an environment, the main branch), the real broker also brings in the
    // pacticipants the specified ones integrate with, at their versions there: deploying Bar with Foo's prod
    // versions still needs Cat's prod version to have verified Bar.
    const { target } = query;
    if (target.latest || target.tag !== undefined || target.environment !== undefined || target.mainBranch) {
      for (const selector of specified) await infer(selector);
    }
  }

  /**
   * Every selection of a pacticipant, specified or inferred from the destination: what its reasons are named by.
   * Without a destination nothing is inferred, and a row names the other side by its own version.
   */
  const inferred = [...targets.values()].filter((t) => !specified.includes(t) && Object.keys(t.criteria).length > 0);
  const resolved = [...new Set([...specified, ...inferred])];
  const selections = (pacticipantId: number) => resolved.filter((r) => r.pacticipant.id === pacticipantId);

  rows = applyLatestBy(rows, query.latestby);
  for (const row of rows) {
    row.ignored =
      matchesIgnore(query.ignore, row.consumerName, row.consumerVersionNumber) ||
      matchesIgnore(query.ignore, row.providerName, row.providerVersionNumber);
  }
  const { summary, notices } = summarize(rows, {
    missing: specified
      .filter((s) => s.versions !== 'all' && s.versions.length === 0)
      .filter((s) => !matchesIgnore(query.ignore, s.pacticipant.name, null))
      .map((s) => ({
        text: s.missingText,
        ...(s.missingCode ? { code: s.missingCode } : {}),
        ...(s.missingNextStep ? { nextStep: s.missingNextStep } : {}),
      })),
    describe: (row, side) =>
      side === 'consumer'
        ? nameIn(selections(row.consumerId), row.consumerName, row.consumerVersionNumber)
        : nameIn(selections(row.providerId), row.providerName, row.providerVersionNumber),
    ignoring: query.ignore.length > 0,
    warnings: [...(await ignoreWarnings(repos, query.ignore)), ...warningsFor(query)],
    explainUnknown: (row) => {
      const target = targets.get(row.providerId);
      const isTarget = !(specified.length === 1 && only && row.providerId === only.pacticipant.id);
      if (isTarget && target?.missing && target.missingCode) {
        return {
          code: target.missingCode,
          ...(target.missingNextStep ? { nextStep: target.missingNextStep } : {}),
        };
      }
      return { code: ReasonCodes.verificationNotPublished, nextStep: nextSteps.verify(row.providerName, pactUrl(row)) };
    },
    explainFailure: (row) => {
      const step = nextSteps.fixFailure(row.providerName, row.consumerName, pactUrl(row));
      if (!row.pending) return step;
      return {
        ...step,
        text: `The pact was pending for ${row.providerName} then, so its build passed, but deploying needs a successful verification. ${step.text}`,
      };
    },
  });

  const shown = query.success ? rows.filter((r) => (query.success as (boolean | null)[]).includes(r.success)) : rows;
  const shownRows = sortRows(latestRows(shown, query.limit));
  return { summary, notices, rows: shownRows, versions: await detailsOf(repos, shownRows) };
}

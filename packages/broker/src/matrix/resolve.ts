import type { Environment } from '../db/environments-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import type { MatrixQuery, MatrixSelector } from './query.ts';
import { type NextStep, nextSteps, type ReasonCode, ReasonCodes } from './reasons.ts';
import type { VersionRef, VersionSet } from './rows.ts';

/** What a selector asked for: the real broker's resolved selectors keep it to describe themselves. */
export type Criteria = Omit<MatrixSelector, 'pacticipant'>;

/** A selector turned into concrete versions, with words for the reasons. */
export interface ResolvedVersions {
  pacticipant: PacticipantRow;
  versions: VersionSet;
  /** What was asked for, the environment by its name; see `describeSelection`. */
  criteria: Criteria;
  /** Said when no version matched, e.g. "No version with tag prod exists for Bar". */
  missingText: string;
  /** The can-i-deploy reason when no version matched, and what to do about it. */
  missingCode?: ReasonCode;
  missingNextStep?: NextStep;
}

/**
 * How the real broker names one version a selector resolved to (`found`), or the selector when it found none:
 * "version 1 of Foo", "the latest version of Bar with tag prod (12)", "one of the versions of Bar currently in
 * prod (11)", "a version of Bar with tag prod (no such version exists)". A main branch selector names the branch
 * of the version it found (`mainBranch`).
 */
export function describeSelection(
  p: string,
  c: Criteria,
  found: { number: string; oneOfMany: boolean } | undefined,
  mainBranch?: string,
): string {
  const number = found ? found.number : 'no such version exists';
  const the = found?.oneOfMany ? 'one of the versions' : 'the version';
  const branch = c.branch ?? (c.mainBranch && found ? mainBranch : undefined);
  if (c.latest && c.tag !== undefined) return `the latest version of ${p} with tag ${c.tag} (${number})`;
  if (c.mainBranch && !found) {
    return `${c.latest ? 'the latest version' : 'any version'} of ${p} from the main branch (no versions exist for this branch)`;
  }
  if (branch !== undefined) {
    if (c.latest) return `the latest version of ${p} from branch ${branch} (${number})`;
    return found
      ? `${the} of ${p} from branch ${branch} (${number})`
      : `a version of ${p} from branch ${branch} (${number})`;
  }
  if (c.latest) return `the latest version of ${p} (${number})`;
  if (c.tag !== undefined) return `a version of ${p} with tag ${c.tag} (${number})`;
  if (c.environment !== undefined) {
    return found
      ? `${the} of ${p} currently in ${c.environment} (${number})`
      : `a version of ${p} currently in ${c.environment} (no version is currently recorded as deployed/released in this environment)`;
  }
  if (c.version !== undefined) return `version ${c.version} of ${p}${found ? '' : ' (no such version exists)'}`;
  return `any version of ${p}`;
}

/** The real broker's sentence for a specified selector that matched no version. */
export function missingDescription(p: string, c: Criteria): string {
  if (c.tag !== undefined) return `No version with tag ${c.tag} exists for ${p}`;
  if (c.branch !== undefined) return `No version of ${p} from branch ${c.branch} exists`;
  if (c.mainBranch) return `No version of ${p} from the main branch exists`;
  if (c.environment !== undefined) {
    return `No version of ${p} is currently recorded as deployed or released in environment ${c.environment}`;
  }
  if (c.version !== undefined) return `No pacts or verifications have been published for version ${c.version} of ${p}`;
  return `No pacts or verifications have been published for ${p}`;
}

/**
 * How the real broker names version `number` of a pacticipant in a reason, from the selections made of it
 * (`resolved`, specified and inferred, each one per version it found, else one): the only selection when there
 * is one, else the one of that version, else the version itself ("version 3 of Foo", or "any version of Foo"
 * without a number).
 */
export function nameIn(resolved: ResolvedVersions[], name: string, number: string | null): string {
  type Selection = { r: ResolvedVersions; found: { number: string; oneOfMany: boolean } | undefined };
  const selections = resolved.flatMap((r): Selection[] => {
    const { versions } = r;
    if (versions === 'all' || versions.length === 0) return [{ r, found: undefined }];
    return versions.map((v) => ({ r, found: { number: v.number, oneOfMany: versions.length > 1 } }));
  });
  const [only] = selections;
  const chosen = selections.length === 1 ? only : selections.find((s) => number !== null && s.found?.number === number);
  if (chosen) {
    const { pacticipant, criteria } = chosen.r;
    return describeSelection(pacticipant.name, criteria, chosen.found, pacticipant.main_branch ?? undefined);
  }
  return number === null ? `any version of ${name}` : `version ${number} of ${name}`;
}

const refs = (rows: (VersionRow | undefined)[]): VersionRef[] =>
  rows.filter((r): r is VersionRow => r !== undefined).map((r) => ({ id: r.id, number: r.number }));

export async function resolveSelector(
  repos: Repositories,
  pacticipant: PacticipantRow,
  selector: MatrixSelector,
  environments: Map<string, Environment>,
): Promise<ResolvedVersions> {
  const p = pacticipant.name;
  const { versions } = repos;
  const { pacticipant: _name, ...asked } = selector;
  const environment = selector.environment === undefined ? undefined : environments.get(selector.environment);
  const criteria: Criteria = environment ? { ...asked, environment: environment.name } : asked;
  const found = (versionSet: VersionSet) => ({
    pacticipant,
    versions: versionSet,
    criteria,
    missingText: missingDescription(p, criteria),
  });
  if (selector.version !== undefined) {
    return {
      ...found(refs([await versions.find(pacticipant.id, selector.version)])),
      missingCode: ReasonCodes.versionNotFound,
      missingNextStep: nextSteps.publishVersion(p, selector.version),
    };
  }
  if (environment !== undefined) {
    return {
      ...found(await repos.deployments.versionsIn(environment.id, pacticipant.id)),
      missingCode: ReasonCodes.noVersionInEnvironment,
      missingNextStep: nextSteps.recordDeployment(p, environment.name),
    };
  }
  if (selector.tag !== undefined) {
    const tag = selector.tag;
    const tagged = selector.latest
      ? refs([await versions.latestWithTag(pacticipant.id, tag)])
      : refs(await versions.withTag(pacticipant.id, tag));
    return {
      ...found(tagged),
      missingCode: ReasonCodes.noVersionWithTag,
      missingNextStep: nextSteps.tagVersion(p, tag),
    };
  }
  const branch = selector.mainBranch ? (pacticipant.main_branch ?? undefined) : selector.branch;
  if (selector.mainBranch && branch === undefined) {
    return { ...found([]), missingCode: ReasonCodes.noMainBranch, missingNextStep: nextSteps.setMainBranch(p) };
  }
  if (branch !== undefined) {
    // Without `latest`, every version of the branch, the main one too (as the real broker does).
    const onBranch = selector.latest
      ? refs([await versions.latestOnBranch(pacticipant.id, branch)])
      : refs(await versions.onBranch(pacticipant.id, branch));
    return {
      ...found(onBranch),
      missingCode: ReasonCodes.noVersionOnBranch,
      missingNextStep: nextSteps.publishOnBranch(p, `from branch ${branch}`),
    };
  }
  if (selector.latest) {
    return {
      ...found(refs([await versions.latest(pacticipant.id)])),
      missingCode: ReasonCodes.versionNotFound,
      missingNextStep: nextSteps.publishOnBranch(p, 'for the first time'),
    };
  }
  return found('all');
}

/**
 * The versions of an integrated pacticipant that the one selected version must work with, asked for as the real
 * broker infers its selector from the destination (`latest`, a tag, an environment, the main branch). `missing`
 * when the destination holds no version of it.
 */
export async function resolveTarget(
  repos: Repositories,
  pacticipant: PacticipantRow,
  target: MatrixQuery['target'],
  environments: Map<string, Environment>,
): Promise<ResolvedVersions & { missing?: true }> {
  const p = pacticipant.name;
  const latest = target.latest ? { latest: true } : {};
  let selector: MatrixSelector | undefined;
  if (target.environment !== undefined) selector = { pacticipant: p, environment: target.environment };
  else if (target.tag !== undefined) selector = { pacticipant: p, tag: target.tag, ...latest };
  else if (target.mainBranch) selector = { pacticipant: p, mainBranch: true, ...latest };
  else if (target.latest) selector = { pacticipant: p, latest: true };
  if (selector === undefined) {
    return { pacticipant, versions: 'all', criteria: {}, missingText: '' };
  }
  // Without `latest`, every version of the main branch (as the real broker does, though it is rarely useful).
  const resolved = await resolveSelector(repos, pacticipant, selector, environments);
  const destination = target.environment !== undefined || target.tag !== undefined || target.mainBranch;
  return destination && resolved.versions.length === 0 ? { ...resolved, missing: true } : resolved;
}

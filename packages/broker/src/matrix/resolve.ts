import type { Environment } from '../db/environments-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import type { MatrixQuery, MatrixSelector } from './query.ts';
import { type NextStep, nextSteps, type ReasonCode, ReasonCodes } from './reasons.ts';
import type { VersionRef, VersionSet } from './rows.ts';

/** A selector turned into concrete versions, with words for the reasons. */
export interface ResolvedVersions {
  pacticipant: PacticipantRow;
  versions: VersionSet;
  /** e.g. "version 1.2.3 of Foo", "the latest version of Bar with tag prod". */
  description: string;
  /** Said when no version matched, e.g. "No version with number 9.9.9 exists for Bar". */
  missingText: string;
  /** The can-i-deploy reason when no version matched, and what to do about it. */
  missingCode?: ReasonCode;
  missingNextStep?: NextStep;
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
  if (selector.version !== undefined) {
    return {
      pacticipant,
      versions: refs([await versions.find(pacticipant.id, selector.version)]),
      description: `version ${selector.version} of ${p}`,
      missingText: `No version with number ${selector.version} exists for ${p}`,
      missingCode: ReasonCodes.versionNotFound,
      missingNextStep: nextSteps.publishVersion(p, selector.version),
    };
  }
  if (selector.environment !== undefined) {
    const environment = environments.get(selector.environment) as Environment;
    return {
      pacticipant,
      versions: await repos.deployments.versionsIn(environment.id, pacticipant.id),
      description: `the version of ${p} currently in ${environment.name}`,
      missingText: `No version of ${p} is currently recorded as deployed or released in ${environment.name}`,
      missingCode: ReasonCodes.noVersionInEnvironment,
      missingNextStep: nextSteps.recordDeployment(p, environment.name),
    };
  }
  if (selector.tag !== undefined) {
    const tag = selector.tag;
    return selector.latest
      ? {
          pacticipant,
          versions: refs([await versions.latestWithTag(pacticipant.id, tag)]),
          description: `the latest version of ${p} with tag ${tag}`,
          missingText: `No version of ${p} with tag ${tag} exists`,
          missingCode: ReasonCodes.noVersionWithTag,
          missingNextStep: nextSteps.tagVersion(p, tag),
        }
      : {
          pacticipant,
          versions: refs(await versions.withTag(pacticipant.id, tag)),
          description: `the versions of ${p} with tag ${tag}`,
          missingText: `No version of ${p} with tag ${tag} exists`,
          missingCode: ReasonCodes.noVersionWithTag,
          missingNextStep: nextSteps.tagVersion(p, tag),
        };
  }
  const branch = selector.mainBranch ? (pacticipant.main_branch ?? undefined) : selector.branch;
  if (selector.mainBranch && branch === undefined) {
    return {
      pacticipant,
      versions: [],
      description: `the latest version of ${p} from the main branch`,
      missingText: `${p} has no main branch configured`,
      missingCode: ReasonCodes.noMainBranch,
      missingNextStep: nextSteps.setMainBranch(p),
    };
  }
  if (branch !== undefined) {
    const latest = selector.latest || selector.mainBranch;
    return latest
      ? {
          pacticipant,
          versions: refs([await versions.latestOnBranch(pacticipant.id, branch)]),
          description: `the latest version of ${p} from branch ${branch}`,
          missingText: `No version of ${p} from branch ${branch} exists`,
          missingCode: ReasonCodes.noVersionOnBranch,
          missingNextStep: nextSteps.publishOnBranch(p, `from branch ${branch}`),
        }
      : {
          pacticipant,
          versions: refs(await versions.onBranch(pacticipant.id, branch)),
          description: `the versions of ${p} from branch ${branch}`,
          missingText: `No version of ${p} from branch ${branch} exists`,
          missingCode: ReasonCodes.noVersionOnBranch,
          missingNextStep: nextSteps.publishOnBranch(p, `from branch ${branch}`),
        };
  }
  if (selector.latest) {
    return {
      pacticipant,
      versions: refs([await versions.latest(pacticipant.id)]),
      description: `the latest version of ${p}`,
      missingText: `No version of ${p} exists`,
      missingCode: ReasonCodes.versionNotFound,
      missingNextStep: nextSteps.publishOnBranch(p, 'for the first time'),
    };
  }
  return { pacticipant, versions: 'all', description: `any version of ${p}`, missingText: `No version of ${p} exists` };
}

/**
 * The versions of an integrated pacticipant that the one selected version must work with. When they come down to
 * one version, its number follows the description, as the real broker writes it: "the version of Bar currently in
 * prod (11)".
 */
export async function resolveTarget(
  repos: Repositories,
  pacticipant: PacticipantRow,
  target: MatrixQuery['target'],
  environments: Map<string, Environment>,
): Promise<ResolvedVersions & { hint?: string }> {
  const resolved = await resolveTargetVersions(repos, pacticipant, target, environments);
  const [only, ...others] = resolved.versions === 'all' ? [] : resolved.versions;
  return only && others.length === 0
    ? { ...resolved, description: `${resolved.description} (${only.number})` }
    : resolved;
}

async function resolveTargetVersions(
  repos: Repositories,
  pacticipant: PacticipantRow,
  target: MatrixQuery['target'],
  environments: Map<string, Environment>,
): Promise<ResolvedVersions & { hint?: string }> {
  if (target.environment !== undefined) {
    const resolved = await resolveSelector(
      repos,
      pacticipant,
      { pacticipant: pacticipant.name, environment: target.environment },
      environments,
    );
    // Naming no version yet: "a version of Bar currently in production", as the real broker says.
    return resolved.versions.length === 0
      ? {
          ...resolved,
          description: `a version of ${pacticipant.name} currently in ${environments.get(target.environment)?.name ?? target.environment}`,
          hint: ' (no version is currently recorded as deployed/released in this environment)',
        }
      : resolved;
  }
  if (target.tag !== undefined) {
    const resolved = await resolveSelector(
      repos,
      pacticipant,
      { pacticipant: pacticipant.name, tag: target.tag, ...(target.latest ? { latest: true } : {}) },
      environments,
    );
    return resolved.versions.length === 0
      ? { ...resolved, hint: ` (no version with tag ${target.tag} exists)` }
      : resolved;
  }
  if (target.mainBranch) {
    // Without `latest`, every version of the main branch (as the real broker does, though it is rarely useful).
    const main = pacticipant.main_branch ?? undefined;
    const selector =
      target.latest || main === undefined
        ? { pacticipant: pacticipant.name, mainBranch: true }
        : { pacticipant: pacticipant.name, branch: main };
    const resolved = await resolveSelector(repos, pacticipant, selector, environments);
    return resolved.versions.length === 0 ? { ...resolved, hint: ` (${resolved.missingText})` } : resolved;
  }
  if (target.latest) {
    return resolveSelector(repos, pacticipant, { pacticipant: pacticipant.name, latest: true }, environments);
  }
  return { pacticipant, versions: 'all', description: `any version of ${pacticipant.name}`, missingText: '' };
}

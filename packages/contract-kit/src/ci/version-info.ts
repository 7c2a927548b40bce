import { execFileSync } from 'node:child_process';
import type envCiType from 'env-ci';
import { importModule } from '#runtime';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

export interface VersionInfo {
  /** The application version published with pacts and verification results: the git commit. */
  version: string;
  branch: string;
  buildUrl?: string;
  /** True on a CI server (env-ci's detection): verification results are published only there by default. */
  isCi: boolean;
  /** Where the values came from, for logs. */
  source: string;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return (
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * Version and branch of the code under test: explicit overrides first (`PACT_VERSION`, `PACT_BRANCH`),
 * then the CI server's own variables (through env-ci, which knows some thirty CI services), then
 * `GIT_COMMIT`/`GIT_BRANCH` (Jenkins' names, which other Pact tools read too), then git.
 * Asynchronous because env-ci is an ES module only: loaded when needed, CommonJS callers included.
 */
export async function detectVersionInfo(options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<VersionInfo> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const envCi = ((await importModule('env-ci')) as { default: typeof envCiType }).default;
  const ci = envCi({ env, cwd });
  // Outside CI env-ci answers from git itself: GIT_COMMIT/GIT_BRANCH come before that.
  const ciBranch = ci.isCi ? (ci.isPr ? (ci.prBranch ?? ci.branch) : ci.branch) : undefined;
  const version =
    env.PACT_VERSION || (ci.isCi ? ci.commit : undefined) || env.GIT_COMMIT || git(cwd, ['rev-parse', 'HEAD']);
  const branch =
    env.PACT_BRANCH ||
    ciBranch ||
    env.GIT_BRANCH?.replace(/^origin\//, '') ||
    git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (!version || !branch || branch === 'HEAD') {
    throw new ContractKitError(
      ContractKitErrorCodes.versionUnknown,
      `Cannot tell which version${version ? '' : ' (commit)'} and branch this is${branch && branch !== 'HEAD' ? '' : ' (detached HEAD or no git)'}. Run inside a git checkout on a branch, or set PACT_VERSION and PACT_BRANCH.`,
    );
  }
  return {
    version,
    branch,
    ...(ci.buildUrl ? { buildUrl: ci.buildUrl } : {}),
    isCi: ci.isCi,
    source: env.PACT_VERSION
      ? 'PACT_VERSION/PACT_BRANCH'
      : ci.isCi
        ? (ci.name ?? 'CI')
        : env.GIT_COMMIT
          ? 'GIT_COMMIT/GIT_BRANCH'
          : 'git',
  };
}

import { execFileSync } from 'node:child_process';
import envCi from 'env-ci';
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
 * then the CI server's own variables (through env-ci, which knows some thirty CI services), then git.
 */
export function detectVersionInfo(options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): VersionInfo {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const ci = envCi({ env, cwd });
  const ciBranch = ci.isPr ? (ci.prBranch ?? ci.branch) : ci.branch;
  const version = env.PACT_VERSION || ci.commit || git(cwd, ['rev-parse', 'HEAD']);
  const branch = env.PACT_BRANCH || ciBranch || git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
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
    source: env.PACT_VERSION ? 'PACT_VERSION/PACT_BRANCH' : ci.isCi ? (ci.name ?? 'CI') : 'git',
  };
}

import type { BrokerConnection } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { expandPactPaths } from '../pact-files.ts';
import { brokerRequest, checkBroker } from './http.ts';
import { runPactBroker, runPactBrokerOrThrow } from './pact-broker-cli.ts';

export interface PublishOptions {
  /** Pact files, or folders of them. */
  pacts: string[];
  version: string;
  branch: string;
  buildUrl?: string;
}

/** Publishes pacts with the consumer's version and branch (`pact-broker publish`). */
export async function publishPacts(broker: BrokerConnection, options: PublishOptions): Promise<string> {
  const files = expandPactPaths(options.pacts);
  if (files.length === 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.noPacts,
      `No pact files in ${options.pacts.join(', ')}. Run the consumer tests first (they write the pacts), or name the files.`,
    );
  }
  await checkBroker(broker);
  const args = [
    ...files,
    '--consumer-app-version',
    options.version,
    '--branch',
    options.branch,
    ...(options.buildUrl ? ['--build-url', options.buildUrl] : []),
  ];
  const result = await runPactBrokerOrThrow('publish', args, broker, `Publishing ${options.pacts.join(', ')}`);
  return result.stdout.trim();
}

/** One cause behind a can-i-deploy verdict, as the broker explains it (older brokers send none). */
export interface DeployReason {
  code: string;
  deployable: boolean | null;
  text: string;
  nextStep?: { text: string; command?: string };
}

export interface DeployDecision {
  deployable: boolean | null;
  reason: string;
  reasons: DeployReason[];
  /** The CLI's table of what was checked, for people. */
  details: string;
}

/** Which version of the pacticipant is asked about: one of these. */
export type VersionSelection =
  | { version: string }
  | { latest: true | string }
  | { branch: string }
  | { mainBranch: true };

export function describeSelection(selection: VersionSelection): string {
  if ('version' in selection) return selection.version;
  if ('latest' in selection) return selection.latest === true ? 'latest' : `latest ${selection.latest}`;
  if ('branch' in selection) return `latest on branch ${selection.branch}`;
  return 'latest on the main branch';
}

function selectionArgs(selection: VersionSelection): string[] {
  if ('version' in selection) return ['--version', selection.version];
  if ('latest' in selection) return selection.latest === true ? ['--latest'] : ['--latest', selection.latest];
  if ('branch' in selection) return ['--branch', selection.branch];
  return ['--main-branch'];
}

/**
 * Asks whether `pacticipant` (at a version, or the latest of a branch or tag) can go to
 * `environment` (`pact-broker can-i-deploy`). `deployable` is null when the broker cannot tell yet
 * (missing verification results).
 */
export async function canIDeploy(
  broker: BrokerConnection,
  options: {
    pacticipant: string;
    environment: string;
    retryWhileUnknown?: number;
    retryIntervalSeconds?: number;
  } & VersionSelection,
): Promise<DeployDecision> {
  await checkBroker(broker);
  const retries = options.retryWhileUnknown ?? 0;
  const interval = options.retryIntervalSeconds ?? 10;
  const args = [
    '--pacticipant',
    options.pacticipant,
    ...selectionArgs(options),
    '--to-environment',
    options.environment,
    '--output',
    'json',
    ...(retries ? ['--retry-while-unknown', String(retries), '--retry-interval', String(interval)] : []),
  ];
  const what = `${options.pacticipant} ${describeSelection(options)}`;
  const result = await runPactBroker('can-i-deploy', args, broker, {
    step: `asking can-i-deploy for ${what} to ${options.environment}`,
    // The waiting it was asked for is not the broker hanging.
    extraMs: retries * interval * 1000,
  });
  let parsed: { summary?: { deployable?: boolean | null; reason?: string; reasons?: unknown } } | undefined;
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  if (!parsed?.summary) {
    throw new ContractKitError(
      ContractKitErrorCodes.brokerCommandFailed,
      `can-i-deploy for ${what} gave no answer (exit ${result.exitCode}):\n${`${result.stdout}\n${result.stderr}`.trim()}`,
    );
  }
  return {
    deployable: parsed.summary.deployable ?? null,
    reason: parsed.summary.reason ?? '',
    reasons: Array.isArray(parsed.summary.reasons) ? parsed.summary.reasons.filter(isReason) : [],
    details: result.stdout.trim(),
  };
}

function isReason(value: unknown): value is DeployReason {
  const r = value as Partial<DeployReason> | null;
  return typeof r === 'object' && r !== null && typeof r.code === 'string' && typeof r.text === 'string';
}

/** Creates the environment unless the broker has it already; true when it was created. */
export async function ensureEnvironment(
  broker: BrokerConnection,
  name: string,
  production: boolean,
  options: { displayName?: string } = {},
): Promise<boolean> {
  await checkBroker(broker);
  // Asked over HTTP: a CLI process only to read a list would cost more than the request itself.
  const listed = await brokerRequest(broker, { url: `${broker.url}/environments`, step: 'listing environments' });
  if (listed.status !== 200) {
    throw new ContractKitError(
      ContractKitErrorCodes.brokerCommandFailed,
      `Listing environments failed: ${broker.url}/environments answered ${listed.status}.`,
    );
  }
  const environments = (listed.body as { _embedded?: { environments?: { name: string }[] } } | undefined)?._embedded
    ?.environments;
  if (environments?.some((e) => e.name === name)) return false;
  await runPactBrokerOrThrow(
    'create-environment',
    [
      '--name',
      name,
      ...(options.displayName ? ['--display-name', options.displayName] : []),
      ...(production ? ['--production'] : []),
    ],
    broker,
    `Creating environment ${name}`,
  );
  return true;
}

/** Records that `pacticipant` at `version` is now deployed to `environment` (`pact-broker record-deployment`). */
export async function recordDeployment(
  broker: BrokerConnection,
  options: { pacticipant: string; version: string; environment: string },
): Promise<void> {
  await checkBroker(broker);
  await runPactBrokerOrThrow(
    'record-deployment',
    ['--pacticipant', options.pacticipant, '--version', options.version, '--environment', options.environment],
    broker,
    `Recording the deployment of ${options.pacticipant} ${options.version} to ${options.environment}`,
  );
}

import type { BrokerConfig } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { checkBroker } from './broker-check.ts';
import { runPactBroker, runPactBrokerOrThrow } from './pact-broker-cli.ts';

export interface PublishOptions {
  /** Pact files, or folders of them. */
  pacts: string[];
  version: string;
  branch: string;
  buildUrl?: string;
}

/** Publishes pacts with the consumer's version and branch (`pact-broker publish`). */
export async function publishPacts(broker: BrokerConfig, options: PublishOptions): Promise<string> {
  await checkBroker(broker);
  const args = [
    ...options.pacts,
    '--consumer-app-version',
    options.version,
    '--branch',
    options.branch,
    ...(options.buildUrl ? ['--build-url', options.buildUrl] : []),
  ];
  const result = await runPactBrokerOrThrow('publish', args, broker, `Publishing ${options.pacts.join(', ')}`);
  return result.stdout.trim();
}

export interface DeployDecision {
  deployable: boolean | null;
  reason: string;
  /** The CLI's table of what was checked, for people. */
  details: string;
}

/**
 * Asks whether `pacticipant` at `version` can go to `environment` (`pact-broker can-i-deploy`).
 * `deployable` is null when the broker cannot tell yet (missing verification results).
 */
export async function canIDeploy(
  broker: BrokerConfig,
  options: {
    pacticipant: string;
    version: string;
    environment: string;
    retryWhileUnknown?: number;
    retryIntervalSeconds?: number;
  },
): Promise<DeployDecision> {
  await checkBroker(broker);
  const args = [
    '--pacticipant',
    options.pacticipant,
    '--version',
    options.version,
    '--to-environment',
    options.environment,
    '--output',
    'json',
    ...(options.retryWhileUnknown
      ? [
          '--retry-while-unknown',
          String(options.retryWhileUnknown),
          '--retry-interval',
          String(options.retryIntervalSeconds ?? 10),
        ]
      : []),
  ];
  const result = await runPactBroker('can-i-deploy', args, broker);
  let parsed: { summary?: { deployable?: boolean | null; reason?: string } } | undefined;
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  if (!parsed?.summary) {
    throw new ContractKitError(
      ContractKitErrorCodes.brokerCommandFailed,
      `can-i-deploy for ${options.pacticipant} ${options.version} gave no answer (exit ${result.exitCode}):\n${`${result.stdout}\n${result.stderr}`.trim()}`,
    );
  }
  return {
    deployable: parsed.summary.deployable ?? null,
    reason: parsed.summary.reason ?? '',
    details: result.stdout.trim(),
  };
}

/** Creates the environment unless the broker has it already. */
export async function ensureEnvironment(broker: BrokerConfig, name: string, production: boolean): Promise<void> {
  const listed = await runPactBrokerOrThrow('list-environments', ['--output', 'json'], broker, 'Listing environments');
  const environments = (JSON.parse(listed.stdout || '{}') as { _embedded?: { environments?: { name: string }[] } })
    ._embedded?.environments;
  if (environments?.some((e) => e.name === name)) return;
  await runPactBrokerOrThrow(
    'create-environment',
    ['--name', name, ...(production ? ['--production'] : [])],
    broker,
    `Creating environment ${name}`,
  );
}

/** Records that `pacticipant` at `version` is now deployed to `environment` (`pact-broker record-deployment`). */
export async function recordDeployment(
  broker: BrokerConfig,
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

import {
  canIDeploy,
  type DeployDecision,
  ensureEnvironment,
  publishPacts,
  recordDeployment,
} from '../broker-client/operations.ts';
import type { VersionInfo } from '../ci/version-info.ts';
import type { BrokerConnection, ConsumerVersionSelector } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { findPactFiles } from '../pact-files.ts';
import type { AnyProviderDefinition } from '../provider/define-provider.ts';
import { countOutcomes, type VerificationReport } from '../provider/results.ts';
import { verifyProvider } from '../provider/verify-provider.ts';
import { type PactSummary, summarisePact } from './pact-summary.ts';
import { type StepListener, type StepRecord, StepRunner } from './steps.ts';

export interface ContractLoopOptions {
  broker: BrokerConnection;
  version: VersionInfo;
  pactDir: string;
  /** Runs the consumer's pact tests, which write the pacts into `pactDir`; throws when they fail. */
  consumerTests: { consumer: string; run: () => Promise<unknown> };
  /** Checks the pacts before anything is published; throws (or returns a failure note) to stop the loop. */
  lint?: (pactFiles: string[]) => Promise<string | undefined>;
  provider: AnyProviderDefinition;
  selectors: ConsumerVersionSelector[];
  enablePending: boolean;
  includeWipPactsSince?: string;
  environment: string;
  /**
   * Record the deployments can-i-deploy allows. Off, the loop stops at can-i-deploy: on a shared
   * broker only a real deployment should be recorded.
   */
  recordDeployments: boolean;
  onStep?: StepListener;
}

export interface DeployOutcome {
  pacticipant: string;
  decision?: DeployDecision;
  recorded: boolean;
}

export interface ContractLoopResult {
  ok: boolean;
  steps: StepRecord[];
  pacts: PactSummary[];
  verification?: VerificationReport;
  deployments: DeployOutcome[];
}

/**
 * The whole contract loop for one consumer and its provider, built from the same commit:
 * consumer tests → lint → publish → verification from the broker (selectors, pending, WIP; results
 * published) → can-i-deploy for the provider, then the consumer → record each deployment.
 *
 * Pending pacts do not fail a provider-only build, but here consumer and provider are the same
 * commit, so any failed interaction fails the loop; can-i-deploy still runs to show its verdict,
 * and nothing is recorded as deployed after a failure.
 */
export async function runContractLoop(options: ContractLoopOptions): Promise<ContractLoopResult> {
  const runner = new StepRunner(options.onStep);
  const { broker, version } = options;
  const result: ContractLoopResult = { ok: false, steps: runner.steps, pacts: [], deployments: [] };
  try {
    await runner.run(`${options.consumerTests.consumer} consumer pact tests`, options.consumerTests.run);
    // Lint every file, so that a malformed one is reported rather than silently left out.
    if (options.lint) {
      const allPacts = findPactFiles(options.pactDir);
      await runner.run(
        'lint the pacts',
        () => options.lint!(allPacts),
        (note) => note,
      );
    }
    if (runner.failed) return result;
    const pactFiles = findPactFiles(options.pactDir, { provider: options.provider.provider });
    if (pactFiles.length === 0) {
      throw new ContractKitError(
        ContractKitErrorCodes.noPacts,
        `The consumer tests wrote no pact for ${options.provider.provider} into ${options.pactDir}.`,
      );
    }
    result.pacts = pactFiles.map(summarisePact);

    await runner.run(`publish pacts as ${version.version.slice(0, 12)} on ${version.branch}`, () =>
      publishPacts(broker, { pacts: pactFiles, version: version.version, branch: version.branch }),
    );

    result.verification = await runner.run(
      `verify ${options.provider.provider} with pacts from the broker`,
      () =>
        verifyProvider({
          ...options.provider,
          source: {
            broker,
            providerBranch: version.branch,
            selectors: options.selectors,
            enablePending: options.enablePending,
            ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
          },
          publish: { providerVersion: version.version, providerBranch: version.branch },
        }),
      (report) => {
        const counts = countOutcomes(report);
        if (counts.failed + counts.pending === 0) return undefined;
        return `${counts.failed + counts.pending} interactions failed${counts.pending ? ` (${counts.pending} of them on pending pacts)` : ''}`;
      },
    );

    await runner.run(`make sure the ${options.environment} environment exists`, () =>
      ensureEnvironment(broker, options.environment, true),
    );
    // The provider first: a consumer can only go where a compatible provider already is.
    for (const pacticipant of [options.provider.provider, options.consumerTests.consumer]) {
      const outcome: DeployOutcome = { pacticipant, recorded: false };
      result.deployments.push(outcome);
      outcome.decision = await runner.run(
        `can-i-deploy ${pacticipant} to ${options.environment}`,
        () => canIDeploy(broker, { pacticipant, version: version.version, environment: options.environment }),
        (decision) => (decision.deployable === true ? undefined : decision.reason || 'not deployable'),
      );
      if (runner.failed || !options.recordDeployments) {
        runner.skip(
          `record deployment of ${pacticipant}`,
          runner.failed ? 'an earlier step failed' : 'recording is off for this broker',
        );
        continue;
      }
      await runner.run(`record deployment of ${pacticipant} to ${options.environment}`, () =>
        recordDeployment(broker, { pacticipant, version: version.version, environment: options.environment }),
      );
      outcome.recorded = true;
    }
    result.ok = !runner.failed;
    return result;
  } catch (err) {
    // A failing step is already recorded with its message; anything else is recorded here.
    if (!runner.failed) runner.fail('contract loop', (err as Error).message);
    return result;
  }
}

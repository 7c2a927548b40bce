import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrokerPact, pactAtUrl, pactsForVerification } from '../broker-client/pacts-for-verification.ts';
import { type BrokerConnection, type ConsumerVersionSelector, describeSelectors } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { type AnyProviderDefinition, checkDefinition, type ProviderDefinition } from './define-provider.ts';
import type { PactRef, VerificationReport } from './results.ts';
import { countInteractions, groupPieces, localPact, maxPieceSize, planShards } from './shard-plan.ts';
import { verifySharded } from './sharded.ts';
import { type PublishResults, verifyInProcess } from './verify-in-process.ts';

export type { PublishResults } from './verify-in-process.ts';

/** Where the pacts come from: local files, one pact URL (webhook-triggered builds), or a broker's selection. */
export type PactSource =
  | { pactFiles: string[] }
  | { pactUrl: string; broker?: BrokerConnection }
  | {
      broker: BrokerConnection;
      /** The provider's branch: the broker needs it for `matchingBranch`, pending and WIP. */
      providerBranch: string;
      selectors: ConsumerVersionSelector[];
      enablePending: boolean;
      includeWipPactsSince?: string;
    };

// biome-ignore lint/suspicious/noExplicitAny: any provider definition, whatever its app type.
export type VerifyProviderOptions<App = any> = ProviderDefinition<App> & {
  source: PactSource;
  /** Publish verification results to the broker the pacts came from (by default nothing is published). */
  publish?: PublishResults;
};

function brokerPactRef(pact: BrokerPact): PactRef {
  return {
    consumer: pact.consumer,
    ...(pact.version ? { version: pact.version } : {}),
    location: pact.url,
    pending: pact.pending,
    ...(pact.wip ? { wip: true } : {}),
  };
}

/** The connection a PACT_URL is fetched with: the configured broker's credentials, or none. */
function connectionFor(url: string, broker: BrokerConnection | undefined): BrokerConnection {
  return broker ?? { url: new URL(url).origin };
}

/**
 * Replays pacts against the real provider over HTTP with the Pact verifier (pact_ffi).
 * State changes go to a state endpoint of ours, so an unknown state or a throwing handler fails
 * the interaction with the state's name (pact-js's Verifier only logs those), and the token swap
 * and request filter run inside the provider's own request pipeline instead of through a proxy
 * (a provider given by `baseUrl` gets a proxy only when it needs one).
 * Pacts from a broker are listed by the kit (with its deadline) and verified one by one by URL,
 * so that each gets exactly one verification result and every outcome names its pact.
 * Large local pacts are verified by one worker process per core (see sharded.ts); results are the same.
 */
export async function verifyProvider<App>(options: VerifyProviderOptions<App>): Promise<VerificationReport> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  checkDefinition(options);
  const { source } = options;
  if ('pactFiles' in source) {
    if (source.pactFiles.length === 0) {
      throw new ContractKitError(
        ContractKitErrorCodes.noPacts,
        `No pact files to verify for ${options.provider}. Run the consumer tests first (they write pacts/).`,
      );
    }
    if (options.publish) {
      throw new ContractKitError(
        ContractKitErrorCodes.configInvalid,
        'Verification results can only be published when the pacts come from a broker (set PACT_BROKER_BASE_URL).',
      );
    }
    const interactions = countInteractions(source.pactFiles);
    const canShard = Boolean(options.module && options.app);
    const shards = canShard ? shardCountFor(options.shards, interactions) : 1;
    if (shards > 1) {
      return verifySharded({ definition: options, module: options.module!, pactFiles: source.pactFiles, shards });
    }
    if (interactions > maxPieceSize) return verifyInPieces(options, source.pactFiles);
    return verifyInProcess({
      definition: options,
      groups: source.pactFiles.map((file) => ({ pact: localPact(file), files: [file] })),
    });
  }

  if ('pactUrl' in source) {
    const broker = connectionFor(source.pactUrl, source.broker);
    const pact = await pactAtUrl(broker, source.pactUrl);
    return verifyInProcess({
      definition: options,
      groups: [{ pact: brokerPactRef(pact), url: source.pactUrl }],
      broker,
      ...(options.publish ? { publish: options.publish } : {}),
    });
  }

  const pacts = await pactsForVerification(source.broker, {
    provider: options.provider,
    providerBranch: source.providerBranch,
    selectors: source.selectors,
    enablePending: source.enablePending,
    ...(source.includeWipPactsSince ? { includeWipPactsSince: source.includeWipPactsSince } : {}),
  });
  if (pacts.length === 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.noPactsForSelectors,
      `The broker at ${source.broker.url} has no pacts for ${options.provider} matching the selectors ${describeSelectors(source.selectors)}${source.includeWipPactsSince ? ` (WIP pacts since ${source.includeWipPactsSince} included)` : ''}. Publish a consumer's pacts first, or change PACT_CONSUMER_VERSION_SELECTORS.`,
    );
  }
  const report = await verifyInProcess({
    definition: options,
    groups: pacts.map((pact) => ({ pact: brokerPactRef(pact), url: pact.url })),
    broker: source.broker,
    ...(options.publish ? { publish: options.publish } : {}),
  });
  report.notices = [...new Set([...pacts.flatMap((pact) => pact.notices), ...report.notices])];
  return report;
}

/** One process, but large pacts cut into pieces: the verifier is faster on several small pacts. */
async function verifyInPieces(definition: AnyProviderDefinition, pactFiles: string[]): Promise<VerificationReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'contract-kit-pieces-'));
  try {
    const [only] = planShards(pactFiles, 1, workDir);
    return await verifyInProcess({ definition, groups: groupPieces(only?.files ?? [], only?.sources ?? []) });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const interactionsPerWorker = 500;

/** The worker count for `requested` shards: 'auto' shares only what is worth sharing. */
export function shardCountFor(requested: number | 'auto' | undefined, interactions: number): number {
  if (typeof requested === 'number') return Math.max(1, Math.floor(requested));
  // A worker takes about a second to start (runtime, provider, verifier), while this process has
  // already begun (measured on two cores: 1000 interactions about 1.8× faster on two shards, 500 no
  // faster), so a worker is added per 500 interactions.
  return Math.max(1, Math.min(availableParallelism(), Math.floor(interactions / interactionsPerWorker)));
}

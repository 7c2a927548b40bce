import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setLogLevel, type VerifierOptions } from '@pact-foundation/pact-core';
import type { FastifyInstance } from 'fastify';
import { checkBroker } from '../broker/broker-check.ts';
import { type BrokerConfig, type ConsumerVersionSelector, describeSelectors } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { placeholderToken } from '../placeholder-token.ts';
import { minimalCertStoreEnv } from './cert-store.ts';
import { parseVerifierResults, type VerificationReport } from './results.ts';
import { runVerifier } from './run-verifier.ts';
import { countInteractions, maxPieceSize, planShards } from './shard-plan.ts';
import { verifySharded } from './sharded.ts';
import { startStateServer } from './state-server.ts';
import { type StateHandlers, teardownOf } from './states.ts';

export type VerifierLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** Where the pacts come from: local files, one pact URL (webhook-triggered builds), or a broker's selection. */
export type PactSource =
  | { pactFiles: string[] }
  | { pactUrl: string; broker?: BrokerConfig }
  | {
      broker: BrokerConfig;
      /** The provider's branch: the broker needs it for `matchingBranch`, pending and WIP. */
      providerBranch: string;
      selectors: ConsumerVersionSelector[];
      enablePending: boolean;
      includeWipPactsSince?: string;
    };

export interface PublishResults {
  providerVersion: string;
  providerBranch: string;
  buildUrl?: string;
}

export interface VerifyProviderOptions<App extends FastifyInstance = FastifyInstance> {
  provider: string;
  /** Builds the provider app (not yet listening). It is started on 127.0.0.1, port 0, and closed at the end. */
  app: () => Promise<App> | App;
  /** The provider's state handlers, built on its own seeding functions. */
  states: (app: App) => StateHandlers;
  /** Puts the provider back in its empty, known state; runs before each interaction. */
  cleanState?: (app: App) => Promise<void>;
  /** Issues a real token after each clean; it replaces the pacts' placeholder token in requests. */
  issueToken?: (app: App) => Promise<string>;
  source: PactSource;
  /** Publish verification results to the broker the pacts came from (by default nothing is published). */
  publish?: PublishResults;
  logLevel?: VerifierLogLevel;
  /** Per-request timeout of the verifier, ms. */
  timeoutMs?: number;
  /**
   * Verifier processes to spread the interactions over: 'auto' (the default) uses every core when
   * there is enough to share; 1 verifies in this process. Sharding needs `module`.
   */
  shards?: number | 'auto';
  /**
   * The module (`import.meta.url`) that exports this provider definition, and the export's name
   * (default `default`): worker processes load it to build their own provider.
   */
  module?: string;
  exportName?: string;
}

function brokerCredentials(broker: BrokerConfig | undefined): Partial<VerifierOptions> {
  if (!broker?.auth) return {};
  if ('token' in broker.auth) return { pactBrokerToken: broker.auth.token };
  return { pactBrokerUsername: broker.auth.username, pactBrokerPassword: broker.auth.password };
}

function sourceOptions(source: PactSource): Partial<VerifierOptions> {
  if ('pactFiles' in source) return { pactUrls: source.pactFiles };
  if ('pactUrl' in source) return { pactUrls: [source.pactUrl], ...brokerCredentials(source.broker) };
  return {
    pactBrokerUrl: source.broker.url,
    ...brokerCredentials(source.broker),
    consumerVersionSelectors: source.selectors,
    providerVersionBranch: source.providerBranch,
    enablePending: source.enablePending,
    ...(source.includeWipPactsSince ? { includeWipPactsSince: source.includeWipPactsSince } : {}),
  };
}

function publishOptions(
  publish: PublishResults | undefined,
  broker: BrokerConfig | undefined,
): Partial<VerifierOptions> {
  if (!publish) return {};
  if (!broker) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      'Verification results can only be published when the pacts come from a broker (set PACT_BROKER_BASE_URL).',
    );
  }
  return {
    publishVerificationResult: true,
    providerVersion: publish.providerVersion,
    providerVersionBranch: publish.providerBranch,
    ...(publish.buildUrl ? { buildUrl: publish.buildUrl } : {}),
  };
}

/**
 * Runs `before` ahead of the provider's whole request pipeline (its own onRequest hooks, auth
 * included): the clean state and the token swap must be in place before the provider looks at
 * the request. Done at the HTTP server so no proxy hop is added.
 */
function interceptRequests(app: FastifyInstance, before: (request: IncomingMessage) => Promise<void>): void {
  const handlers = app.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  app.server.removeAllListeners('request');
  app.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    before(request).then(
      () => {
        for (const handler of handlers) handler.call(app.server, request, response);
      },
      (err: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`contract-kit could not prepare the provider for this request: ${(err as Error).message}`);
      },
    );
  });
}

/**
 * Replays pacts against the real provider over HTTP with the Pact verifier (pact_ffi).
 * State changes go to a state endpoint of ours, so an unknown state or a throwing handler fails
 * the interaction with the state's name (pact-js's Verifier only logs those), and the token swap
 * runs inside the provider's own request pipeline instead of through an extra proxy.
 * Large local pacts are verified by one worker process per core (see sharded.ts); results are the same.
 */
export async function verifyProvider<App extends FastifyInstance>(
  options: VerifyProviderOptions<App>,
): Promise<VerificationReport> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const { source } = options;
  if ('pactFiles' in source && source.pactFiles.length === 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.noPacts,
      `No pact files to verify for ${options.provider}. Run the consumer tests first (they write pacts/).`,
    );
  }
  const broker = 'broker' in source ? source.broker : undefined;
  if (broker) await checkBroker(broker);
  if ('pactFiles' in source) {
    const interactions = countInteractions(source.pactFiles);
    const shards = options.module ? shardCountFor(options.shards, interactions) : 1;
    if (shards > 1) {
      return verifySharded({ ...options, module: options.module!, pactFiles: source.pactFiles, shards });
    }
    if (interactions > maxPieceSize) return verifyInPieces({ ...options, source });
  }
  const urls = 'pactUrl' in source ? [source.pactUrl] : broker ? [broker.url] : [];
  return withEnv(minimalCertStoreEnv(['http://127.0.0.1', ...urls]), () => verifyInProcess(options));
}

/** One process, but large pacts cut into pieces: the verifier is faster on several small pacts. */
async function verifyInPieces<App extends FastifyInstance>(
  options: VerifyProviderOptions<App> & { source: { pactFiles: string[] } },
): Promise<VerificationReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'contract-kit-pieces-'));
  try {
    const [only] = planShards(options.source.pactFiles, 1, workDir);
    return await withEnv(minimalCertStoreEnv(['http://127.0.0.1']), () =>
      verifyInProcess({ ...options, source: { pactFiles: only?.files ?? [] } }),
    );
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

export async function withEnv<T>(env: Record<string, string> | undefined, work: () => Promise<T>): Promise<T> {
  if (!env) return work();
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Verification in this process: one provider, one verifier. Exported for the shard workers. */
export async function verifyInProcess<App extends FastifyInstance>(
  options: VerifyProviderOptions<App>,
): Promise<VerificationReport> {
  const { source } = options;
  const broker = 'broker' in source ? source.broker : undefined;
  const started = performance.now();
  const app = await options.app();
  let token: string | undefined;
  // true when the provider may hold data from an earlier interaction.
  let dirty = true;
  const prepare = async () => {
    if (!dirty) return;
    await options.cleanState?.(app);
    token = await options.issueToken?.(app);
    dirty = false;
  };

  interceptRequests(app, async (request) => {
    // An interaction without provider states gets no state call: start it clean here.
    await prepare();
    if (token && request.headers.authorization === `Bearer ${placeholderToken}`) {
      request.headers.authorization = `Bearer ${token}`;
    }
  });
  app.server.on('request', (_request, response) => {
    response.on('finish', () => {
      dirty = true;
    });
  });

  let stateServer: Awaited<ReturnType<typeof startStateServer>> | undefined;
  try {
    const states = options.states(app);
    const server = await startStateServer({
      states,
      prepare,
      finished: () => {
        dirty = true;
      },
    });
    stateServer = server;
    const providerBaseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const verifierOptions: VerifierOptions = {
      provider: options.provider,
      providerBaseUrl,
      ...sourceOptions(source),
      ...publishOptions(options.publish, broker),
      // An empty selection is reported below with the selectors named, not as a verifier error.
      failIfNoPactsFound: false,
      providerStatesSetupUrl: server.url,
      // Each teardown call costs the verifier a new HTTP client; only ask for it when a handler has one.
      providerStatesSetupTeardown: Object.values(states).some((handler) => teardownOf(handler) !== undefined),
      providerStatesSetupBody: true,
      logLevel: options.logLevel ?? 'error',
      timeout: options.timeoutMs ?? 10_000,
    };
    setLogLevel(verifierOptions.logLevel);
    const raw = await runVerifier(verifierOptions);
    const report = parseVerifierResults(raw, {
      provider: options.provider,
      stateFailures: server.failures,
      unusedStates: Object.keys(states)
        .filter((name) => !server.used.has(name))
        .sort(),
      durationMs: performance.now() - started,
    });
    if (report.interactions.length === 0 && report.loadErrors.length > 0) {
      throw new ContractKitError(
        ContractKitErrorCodes.pactsNotLoaded,
        `The verifier could not load the pacts for ${options.provider}:\n${report.loadErrors.map((e) => `  - ${e}`).join('\n')}`,
      );
    }
    if (report.interactions.length === 0 && 'selectors' in source) {
      throw new ContractKitError(
        ContractKitErrorCodes.noPactsForSelectors,
        `The broker at ${source.broker.url} has no pacts for ${options.provider} matching the selectors ${describeSelectors(source.selectors)}${source.includeWipPactsSince ? ` (WIP pacts since ${source.includeWipPactsSince} included)` : ''}. Publish a consumer's pacts first, or change PACT_CONSUMER_VERSION_SELECTORS.`,
      );
    }
    return report;
  } finally {
    await stateServer?.server.close();
    await app.close();
  }
}

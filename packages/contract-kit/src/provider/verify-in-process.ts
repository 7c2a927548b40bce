import type { IncomingMessage, ServerResponse } from 'node:http';
import { brokerTimeoutOf, brokerUnreachable } from '../broker-client/http.ts';
import type { BrokerConnection } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { placeholderToken } from '../placeholder-token.ts';
import { minimalCertStoreEnv } from './cert-store.ts';
import type { AnyProviderDefinition, RequestFilter } from './define-provider.ts';
import { normaliseHeaders, type RunningProvider, startApp, startProxy } from './provider-target.ts';
import {
  combineReports,
  describePact,
  type PactRef,
  parseVerifierResults,
  type VerificationReport,
} from './results.ts';
import { runVerifier, verifierPath } from './run-verifier.ts';
import { type StateServer, startStateServer } from './state-server.ts';
import { type StateHandlers, teardownOf } from './states.ts';

/** One pact to verify: its local files (pieces of it, perhaps) or its URL. */
export interface PactGroup {
  pact: PactRef;
  files?: string[];
  url?: string;
}

export interface PublishResults {
  providerVersion: string;
  providerBranch: string;
  buildUrl?: string;
}

export interface InProcessRun {
  definition: AnyProviderDefinition;
  groups: PactGroup[];
  /** The broker the pact URLs are on: its credentials, and its deadline for the verifier's fetching and publishing. */
  broker?: BrokerConnection;
  publish?: PublishResults;
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

/** Runs pact-js's requestFilter; resolves false when the filter answered the request itself. */
function filterRequest(filter: RequestFilter, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const answered = () => resolve(false);
    response.once('finish', answered);
    const next = (err?: unknown) => {
      response.off('finish', answered);
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      normaliseHeaders(request);
      resolve(true);
    };
    try {
      const returned = filter(request, response, next) as Promise<unknown> | undefined;
      if (returned && typeof returned.then === 'function') returned.then(undefined, reject);
    } catch (err) {
      reject(err);
    }
  });
}

/**
 * While the verifier fetches a pact from the broker or publishes its result, nothing reaches the
 * provider; when nothing has for the broker's deadline, the broker is taken as hanging. (The
 * verifier cannot be stopped from here: `contract-kit verify` exits after reporting it.)
 */
function watchBroker<T>(
  work: Promise<T>,
  broker: BrokerConnection | undefined,
  pact: PactRef,
  activity: { last: number; seen: boolean },
): Promise<T> {
  if (!broker) return work;
  const limit = brokerTimeoutOf(broker);
  return new Promise((resolve, reject) => {
    const timer = setInterval(
      () => {
        if (Date.now() - activity.last <= limit) return;
        clearInterval(timer);
        const step = activity.seen
          ? `the verifier published the verification result of the pact of ${describePact(pact)}`
          : `the verifier fetched the pact of ${describePact(pact)} (${pact.location})`;
        reject(brokerUnreachable(broker, step, `nothing happened for ${limit} ms`));
      },
      Math.max(10, Math.min(1000, limit / 4)),
    );
    work.then(
      (value) => {
        clearInterval(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearInterval(timer);
        reject(err);
      },
    );
  });
}

/**
 * Verification in this process: one provider, one state endpoint, and one verifier run per pact
 * (so that every result names its pact). Used by `verifyProvider` and by the shard workers.
 */
export async function verifyInProcess(run: InProcessRun): Promise<VerificationReport> {
  const { definition } = run;
  const started = performance.now();
  const app = definition.app ? await definition.app() : undefined;
  let token: string | undefined;
  // true when the provider may hold data from an earlier interaction.
  let dirty = true;
  const activity = { last: Date.now(), seen: false };
  const touch = () => {
    activity.last = Date.now();
    activity.seen = true;
  };
  const prepare = async () => {
    touch();
    if (!dirty) return;
    await definition.cleanState?.(app);
    token = await definition.issueToken?.(app);
    dirty = false;
  };
  const finished = () => {
    touch();
    dirty = true;
    stateServer?.clearValues();
  };
  const before = async (request: IncomingMessage, response: ServerResponse) => {
    // An interaction without provider states may get no state call: start it clean here.
    await prepare();
    if (token && request.headers.authorization === `Bearer ${placeholderToken}`) {
      request.headers.authorization = `Bearer ${token}`;
      normaliseHeaders(request);
    }
    return definition.requestFilter ? filterRequest(definition.requestFilter, request, response) : true;
  };

  let provider: RunningProvider | undefined;
  let stateServer: StateServer | undefined;
  try {
    const handlers: StateHandlers = definition.stateChangeUrl ? {} : (definition.states?.(app) ?? {});
    const messages = definition.messages?.(app);
    stateServer = await startStateServer({
      target: definition.stateChangeUrl
        ? { forwardTo: definition.stateChangeUrl, timeoutMs: definition.timeoutMs ?? 10_000 }
        : { handlers },
      prepare,
      finished,
      ...(messages ? { messages } : {}),
    });
    if (app !== undefined) provider = await startApp(app, before, finished);
    else if (definition.requestFilter || definition.issueToken || definition.cleanState) {
      provider = await startProxy(definition.baseUrl as string, before, finished);
    } else provider = { url: definition.baseUrl as string, close: async () => {} };

    const teardown = definition.stateChangeUrl
      ? definition.stateChangeTeardown !== false
      : // Each teardown call costs the verifier a new HTTP client; only ask for it when a handler has one.
        Object.values(handlers).some((handler) => teardownOf(handler) !== undefined);
    const server = stateServer;
    const providerUrl = provider.url;
    const reports: VerificationReport[] = [];
    for (const group of run.groups) {
      const failuresBefore = server.failures.length;
      const messageFailuresBefore = server.messages?.failures.length ?? 0;
      const groupStarted = performance.now();
      activity.last = Date.now();
      activity.seen = false;
      const urls = [providerUrl, server.url, ...(group.url ? [group.url] : [])];
      const raw = await withEnv(minimalCertStoreEnv(urls), () =>
        watchBroker(
          runVerifier({
            provider: definition.provider,
            providerBaseUrl: providerUrl,
            ...(group.files ? { pactFiles: group.files } : {}),
            ...(group.url ? { pactUrls: [group.url] } : {}),
            ...(run.broker?.auth ? { brokerAuth: run.broker.auth } : {}),
            stateChangeUrl: server.url,
            stateChangeTeardown: teardown,
            ...(run.publish && group.url ? { publish: run.publish } : {}),
            timeoutMs: definition.timeoutMs ?? 10_000,
            logLevel: definition.logLevel ?? 'error',
            ...(server.messages
              ? { messageTransport: { port: server.messages.port, path: server.messages.path } }
              : {}),
          }),
          group.url ? run.broker : undefined,
          group.pact,
          activity,
        ),
      );
      reports.push(
        parseVerifierResults(raw, {
          provider: definition.provider,
          pact: group.pact,
          stateFailures: server.failures.slice(failuresBefore),
          messageFailures: server.messages?.failures.slice(messageFailuresBefore) ?? [],
          unusedStates: [],
          durationMs: performance.now() - groupStarted,
          verifier: verifierPath(),
        }),
      );
    }
    const report = combineReports(definition.provider, reports, performance.now() - started, { sort: false });
    report.shards = 1;
    report.unusedStates = Object.keys(handlers)
      .filter((name) => !server.used.has(name))
      .sort();
    if (report.interactions.length === 0 && report.loadErrors.length > 0) {
      throw new ContractKitError(
        ContractKitErrorCodes.pactsNotLoaded,
        `The verifier could not load the pacts for ${definition.provider}:\n${report.loadErrors.map((e) => `  - ${e}`).join('\n')}`,
      );
    }
    return report;
  } finally {
    await stateServer?.close();
    await provider?.close();
    if (app !== undefined) await definition.close?.(app);
  }
}

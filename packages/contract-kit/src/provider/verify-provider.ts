import type { IncomingMessage, ServerResponse } from 'node:http';
import { setLogLevel, Verifier, type VerifierOptions } from '@pact-foundation/pact-core';
import type { FastifyInstance } from 'fastify';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { placeholderToken } from '../placeholder-token.ts';
import { parseVerifierResults, type VerificationReport } from './results.ts';
import { startStateServer } from './state-server.ts';
import type { StateHandlers } from './states.ts';

export type VerifierLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface PactSource {
  /** Local pact files. */
  pactFiles: string[];
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
  logLevel?: VerifierLogLevel;
  /** Per-request timeout of the verifier, ms. */
  timeoutMs?: number;
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
 */
export async function verifyProvider<App extends FastifyInstance>(
  options: VerifyProviderOptions<App>,
): Promise<VerificationReport> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  if (options.source.pactFiles.length === 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.noPacts,
      `No pact files to verify for ${options.provider}. Run the consumer tests first (they write pacts/).`,
    );
  }
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

  const stateServer = await startStateServer({
    states: options.states(app),
    prepare,
    finished: () => {
      dirty = true;
    },
  });
  try {
    const providerBaseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const verifierOptions: VerifierOptions = {
      provider: options.provider,
      providerBaseUrl,
      pactUrls: options.source.pactFiles,
      providerStatesSetupUrl: stateServer.url,
      providerStatesSetupTeardown: true,
      providerStatesSetupBody: true,
      logLevel: options.logLevel ?? 'error',
      timeout: options.timeoutMs ?? 10_000,
    };
    setLogLevel(verifierOptions.logLevel);
    let raw: string;
    try {
      raw = await new Verifier(verifierOptions).verify();
    } catch (err) {
      // A failed verification rejects with the verifier's JSON results as the message.
      const message = (err as Error).message;
      if (!message.startsWith('{')) {
        throw new ContractKitError(
          ContractKitErrorCodes.verifierCrashed,
          `The Pact verifier could not run for ${options.provider}: ${message}`,
          { cause: err },
        );
      }
      raw = message;
    }
    return parseVerifierResults(raw, {
      provider: options.provider,
      stateFailures: stateServer.failures,
      durationMs: performance.now() - started,
    });
  } finally {
    await stateServer.server.close();
    await app.close();
  }
}

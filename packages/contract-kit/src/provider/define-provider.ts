import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import type { MessageProducers } from './messages/producers.ts';
import type { VerifierLogLevel } from './run-verifier.ts';
import type { StateHandlers } from './states.ts';

/** A fastify instance, or anything shaped like one: its Node server, `listen` and `close`. */
export interface FastifyLike {
  server: Server;
  listen(options: { host: string; port: number }): Promise<string>;
  close(): unknown;
}

/**
 * What the kit can start: a fastify instance, a Node `http.Server` not yet listening (nest's
 * `app.getHttpServer()` after `init()`), or any request listener `(req, res) => void` (an express
 * app, koa's `app.callback()`, hono's `getRequestListener(app.fetch)`, …).
 */
export type ProviderApp = FastifyLike | Server | RequestListener;

/**
 * pact-js's `requestFilter`: called with each request the verifier sends to the provider (never
 * with state changes), after the placeholder-token swap. Change the request (e.g.
 * `req.headers.authorization = …`) and call `next()`; or answer it yourself and do not.
 */
export type RequestFilter = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => unknown;

/**
 * What a provider team writes once (e.g. `contract-kit.provider.ts`). The provider is either
 * `app` (built and started by the kit on 127.0.0.1, port 0, closed at the end) or `baseUrl` (a
 * provider already running, in any language). Its states are either `states` (handlers in this
 * process) or `stateChangeUrl` (an endpoint the provider serves; the kit sends it what pact-js
 * sends: POST `{ state, params, action }`). Where the pacts come from and whether results are
 * published is configuration, decided by `contract-kit verify` from the environment.
 */
export interface ProviderDefinition<App = ProviderApp> {
  provider: string;
  /** Builds the provider (not yet listening). */
  app?: () => App | Promise<App>;
  /** Called after verification with what `app` built, after the kit closed its server. */
  close?: (app: App) => unknown;
  /** The base URL of a provider that is already running. */
  baseUrl?: string;
  /** The provider's state handlers, built on its own seeding functions. */
  states?: (app: App) => StateHandlers;
  /**
   * The provider's message producers, by the pacts' message descriptions: each builds the message with the
   * provider's real code from the state its provider states set up (needs `states`, not `stateChangeUrl`).
   */
  messages?: (app: App) => MessageProducers;
  /** The provider's own state change endpoint (instead of `states`). */
  stateChangeUrl?: string;
  /** With `stateChangeUrl`: also send `action: 'teardown'` after each interaction (pact-js does; default true). */
  stateChangeTeardown?: boolean;
  /** Puts the provider back in its empty, known state; runs before each interaction. */
  cleanState?: (app: App) => Promise<void>;
  /** Issues a real token after each clean; it replaces the pacts' placeholder token in requests. */
  issueToken?: (app: App) => Promise<string>;
  requestFilter?: RequestFilter;
  logLevel?: VerifierLogLevel;
  /** Per-request timeout of the verifier, ms (default 10,000). */
  timeoutMs?: number;
  /**
   * Verifier processes to spread local pacts over: 'auto' (the default) uses every core when there
   * is enough to share; 1 verifies in this process. Sharding needs `module` and an `app`.
   */
  shards?: number | 'auto';
  /**
   * The module that exports this definition (`import.meta.url` or `__filename`) and the export's
   * name (default `default`): worker processes load it to build their own provider.
   */
  module?: string;
  exportName?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a definition whatever its app type, for the kit's own plumbing.
export type AnyProviderDefinition = ProviderDefinition<any>;

export function defineProvider<App = ProviderApp>(definition: ProviderDefinition<App>): ProviderDefinition<App> {
  return definition;
}

function invalid(provider: string, message: string): never {
  throw new ContractKitError(ContractKitErrorCodes.configInvalid, `The provider definition of ${provider} ${message}`);
}

/** Refuses a definition the kit cannot run, saying what to change. */
export function checkDefinition(definition: AnyProviderDefinition): void {
  const name = definition.provider ? `"${definition.provider}"` : '(unnamed)';
  if (typeof definition.provider !== 'string' || definition.provider === '') invalid(name, 'needs a `provider` name.');
  if (Boolean(definition.app) === Boolean(definition.baseUrl)) {
    invalid(name, 'needs exactly one of `app` (a function building the provider) and `baseUrl` (a running provider).');
  }
  if (definition.app !== undefined && typeof definition.app !== 'function') {
    invalid(name, 'has an `app` that is not a function: write `app: () => buildApp()`.');
  }
  if (definition.messages && definition.stateChangeUrl) {
    invalid(
      name,
      'has `messages` and a `stateChangeUrl`: message producers need the states handled in this process (`states`).',
    );
  }
  if (definition.messages !== undefined && typeof definition.messages !== 'function') {
    invalid(name, 'has `messages` that is not a function: write `messages: (app) => defineMessages({ ... })`.');
  }
  if (definition.states && definition.stateChangeUrl) {
    invalid(name, 'has both `states` and `stateChangeUrl`: the states are handled in one place.');
  }
  for (const [key, value] of [
    ['baseUrl', definition.baseUrl],
    ['stateChangeUrl', definition.stateChangeUrl],
  ] as const) {
    if (value === undefined) continue;
    try {
      const { protocol } = new URL(value);
      if (protocol !== 'http:' && protocol !== 'https:') throw new Error(protocol);
    } catch {
      invalid(name, `has a \`${key}\` that is not an http(s) URL: "${value}".`);
    }
  }
}

/**
 * The state names a provider definition registers (its handlers are closures: building them needs
 * no app), or undefined when the provider handles its states itself (`stateChangeUrl`).
 */
export function stateNamesOf(definition: AnyProviderDefinition): string[] | undefined {
  if (definition.stateChangeUrl) return undefined;
  return Object.keys(definition.states?.({} as never) ?? {}).sort();
}

/**
 * The message descriptions a provider definition has producers for (like its state handlers, the producers are
 * closures: building them needs no app), or undefined when it cannot have any (`stateChangeUrl`).
 */
export function messageNamesOf(definition: AnyProviderDefinition): string[] | undefined {
  if (definition.stateChangeUrl) return undefined;
  let producers: MessageProducers;
  try {
    producers = definition.messages?.({} as never) ?? {};
  } catch (err) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `The provider definition of "${definition.provider}" has \`messages\` that use the app while building the producers (${(err as Error).message}): use it inside each producer, so the descriptions can be read without starting the provider.`,
      { cause: err },
    );
  }
  return Object.keys(producers).sort();
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerMessage, type MessageFailure, messagePath } from './messages/message-endpoint.ts';
import type { MessageProducers } from './messages/producers.ts';
import { type StateHandlers, type StateValues, setupOf, teardownOf } from './states.ts';

export interface StateChange {
  state?: string;
  params?: Record<string, unknown>;
  action?: 'setup' | 'teardown';
}

export interface StateFailure {
  state: string;
  action: string;
  message: string;
}

export interface StateServer {
  url: string;
  failures: StateFailure[];
  used: Set<string>;
  /** With message producers: where the verifier asks for messages (its "message" transport). */
  messages?: { port: number; path: string; failures: MessageFailure[]; used: Set<string> };
  /** Forgets the state values of the interaction that just ended. */
  clearValues(): void;
  close(): Promise<void>;
}

/** Where the state changes are carried out: handlers in this process, or the provider's own endpoint. */
export type StateTarget = { handlers: StateHandlers } | { forwardTo: string; timeoutMs: number };

async function readJson(request: IncomingMessage): Promise<StateChange> {
  let text = '';
  for await (const chunk of request) text += chunk;
  if (text === '') return {};
  const parsed = JSON.parse(text) as unknown;
  // Only plain fields are read from it, and nothing of it is merged into another object.
  return parsed && typeof parsed === 'object' ? (parsed as StateChange) : {};
}

/** Sends the state change on to the provider's endpoint; its JSON answer carries values for `fromProviderState`. */
async function forward(url: string, timeoutMs: number, change: Required<StateChange>): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(change),
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((err: Error & { cause?: { code?: string } }) => {
    const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.message);
    throw new Error(`the provider's state change URL ${url} could not be reached (${why})`);
  });
  const body = await response.text();
  if (!response.ok) {
    throw new Error(`the provider's state change URL ${url} answered ${response.status}: ${body.slice(0, 500)}`);
  }
  try {
    return body === '' ? {} : JSON.parse(body);
  } catch {
    return {};
  }
}

/**
 * The endpoint the Pact verifier calls before (and, when asked, after) each interaction. Unlike
 * pact-js's own handler (which logs a warning for an unknown state and answers 200 when a handler
 * throws), any problem answers 400 with a message naming the state (400: the verifier does not
 * retry it), so the verifier fails that interaction and the report says why.
 */
export async function startStateServer(options: {
  target: StateTarget;
  /** Called before the first state of an interaction is set up, when the provider is not clean. */
  prepare: () => Promise<void>;
  /** Called after an interaction's states are torn down. */
  finished: () => void;
  /** The provider's message producers, served at /_messages on this server. */
  messages?: MessageProducers;
}): Promise<StateServer> {
  const failures: StateFailure[] = [];
  const used = new Set<string>();
  const messageFailures: MessageFailure[] = [];
  const messagesUsed = new Set<string>();
  // What the current interaction's state handlers returned: a message producer reads it (the id of a user a
  // state created, say). Emptied when the interaction starts and when its message was answered.
  let values: StateValues = {};
  const prepare = () => options.prepare();
  const { target } = options;
  const handlers = 'handlers' in target ? target.handlers : undefined;
  const known = Object.keys(handlers ?? {}).sort();

  const change = async (request: IncomingMessage): Promise<unknown> => {
    const body = await readJson(request);
    const state = typeof body.state === 'string' ? body.state : '';
    const params = body.params && typeof body.params === 'object' ? body.params : {};
    const action = body.action === 'teardown' ? 'teardown' : 'setup';
    // The verifier calls with an empty state for interactions that have none: nothing to do but start clean.
    if (state === '') {
      values = {};
      if (action === 'setup') await prepare();
      else options.finished();
      return {};
    }
    used.add(state);
    try {
      if ('forwardTo' in target) {
        if (action === 'setup') await prepare();
        const values = await forward(target.forwardTo, target.timeoutMs, { state, params, action });
        if (action === 'teardown') options.finished();
        return values;
      }
      const handler = Object.hasOwn(handlers ?? {}, state) ? handlers?.[state] : undefined;
      if (!handler) {
        throw new Error(
          `no handler is registered for this state. Known states: ${known.map((s) => `"${s}"`).join(', ') || 'none'}. Add a handler or fix the consumer test's given(...).`,
        );
      }
      if (action === 'teardown') {
        await teardownOf(handler)?.(params);
        options.finished();
        return {};
      }
      await prepare();
      const returned = (await setupOf(handler)(params)) ?? {};
      values = { ...values, ...(returned && typeof returned === 'object' ? returned : {}) };
      return returned;
    } catch (err) {
      const message = (err as Error).message;
      failures.push({ state, action, message });
      // The interaction is over; whatever the handler did before failing must not leak into the next one.
      options.finished();
      throw new Error(`Provider state "${state}" (${action}) failed: ${message}`);
    }
  };

  const server: Server = createServer((request, response) => {
    if (options.messages && request.method === 'POST' && request.url === messagePath) {
      const producers = options.messages;
      void answerMessage(request, response, producers, values, { failures: messageFailures, used: messagesUsed })
        .catch((err: Error) => {
          if (!response.headersSent) response.writeHead(500).end(err.message);
        })
        .finally(() => {
          values = {};
          // The message is the interaction's "request": the next interaction starts clean.
          options.finished();
        });
      return;
    }
    if (request.method !== 'POST' || request.url !== '/_provider-states') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not the state endpoint"}');
      return;
    }
    change(request).then(
      (values) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(values ?? {}));
      },
      (err: Error) => {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: err.message }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/_provider-states`,
    failures,
    used,
    clearValues: () => {
      values = {};
    },
    ...(options.messages
      ? { messages: { port, path: messagePath, failures: messageFailures, used: messagesUsed } }
      : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

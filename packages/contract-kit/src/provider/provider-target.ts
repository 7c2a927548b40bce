import { createServer, request as httpRequest, type IncomingMessage, Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyLike, ProviderApp } from './define-provider.ts';

/**
 * Runs ahead of the provider's whole request pipeline (its own hooks and auth included); resolves
 * false when it answered the request itself.
 */
export type BeforeRequest = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export interface RunningProvider {
  /** Where the verifier sends the pacts' requests. */
  url: string;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

function isFastifyLike(app: ProviderApp): app is FastifyLike {
  const candidate = app as Partial<FastifyLike>;
  return (
    typeof candidate.listen === 'function' &&
    candidate.server instanceof Server &&
    typeof candidate.close === 'function'
  );
}

function failed(response: ServerResponse, err: unknown): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(500, { 'content-type': 'text/plain' });
  response.end(`contract-kit could not prepare the provider for this request: ${(err as Error).message}`);
}

/** Wraps a server's request handlers so `before` runs first; done in the server, so no proxy hop is added. */
function intercept(server: Server, before: BeforeRequest, finished: () => void): void {
  const handlers = server.listeners('request') as Handler[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    response.on('finish', finished);
    before(request, response).then(
      (go) => {
        if (go) for (const handler of handlers) handler.call(server, request, response);
      },
      (err: unknown) => failed(response, err),
    );
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts what `app` built on 127.0.0.1, port 0, with `before` ahead of its handlers. */
export async function startApp(
  app: ProviderApp,
  before: BeforeRequest,
  finished: () => void,
): Promise<RunningProvider> {
  if (isFastifyLike(app)) {
    intercept(app.server, before, finished);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return { url, close: async () => void (await app.close()) };
  }
  if (app instanceof Server) {
    intercept(app, before, finished);
    return { url: await listen(app), close: () => closeServer(app) };
  }
  if (typeof app === 'function') {
    const server = createServer(app);
    intercept(server, before, finished);
    return { url: await listen(server), close: () => closeServer(server) };
  }
  throw new TypeError(
    'app() must return a fastify instance, an http.Server or a request listener (req, res) => void, e.g. an express app',
  );
}

/**
 * A provider already running elsewhere: a proxy on loopback runs `before` (clean state, token swap,
 * request filter) and forwards the request unchanged otherwise, path prefix of `baseUrl` included.
 */
export async function startProxy(
  baseUrl: string,
  before: BeforeRequest,
  finished: () => void,
): Promise<RunningProvider> {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
  const server = createServer((request, response) => {
    response.on('finish', finished);
    before(request, response).then(
      (go) => {
        if (!go) return;
        const target = new URL(`${prefix}${request.url ?? '/'}`, base);
        const upstream = send(
          target,
          { method: request.method, headers: { ...request.headers, host: target.host } },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
            answer.pipe(response);
          },
        );
        upstream.on('error', (err) => {
          if (response.headersSent) return void response.destroy();
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(`contract-kit could not reach the provider at ${baseUrl}: ${err.message}`);
        });
        request.pipe(upstream);
      },
      (err: unknown) => failed(response, err),
    );
  });
  return { url: await listen(server), close: () => closeServer(server) };
}

/**
 * pact-js semantics for `requestFilter` edits: a filter may set `req.headers.Authorization`
 * (any case), and every framework must see the result, including those that read `rawHeaders`.
 */
export function normaliseHeaders(request: IncomingMessage): void {
  const headers = request.headers as Record<string, string | string[] | undefined>;
  for (const key of Object.keys(headers)) {
    const lower = key.toLowerCase();
    if (lower === key) continue;
    const value = headers[key];
    delete headers[key];
    headers[lower] = value;
  }
  const raw: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) raw.push(key, String(one));
  }
  request.rawHeaders = raw;
}

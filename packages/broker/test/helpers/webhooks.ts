import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import type { AttemptEvent } from '../../src/webhooks/runner.ts';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  /** Resolves once `count` requests in all have arrived. */
  waitFor(count: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, port 0, recording every request; `status` answers them (default 200). */
export async function startReceiver(
  options: { status?: number; hang?: boolean; body?: string } = {},
): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: (r: ReceivedRequest[]) => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve([...received]);
      if (options.hang) return;
      res.writeHead(options.status ?? 200, { 'content-type': 'text/plain' });
      res.end(options.body ?? 'received');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(count) {
      if (received.length >= count) return Promise.resolve([...received]);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Call in a `describe`: starts receivers (as startReceiver) that are closed after each test. */
export function receiverPerTest(): typeof startReceiver {
  const started: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((receiver) => receiver.close()));
  });
  return async (options) => {
    const receiver = await startReceiver(options);
    started.push(receiver);
    return receiver;
  };
}

/** A URL on 127.0.0.1 where nothing listens: connections are refused at once. */
export async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Resolves with the first stored attempt that matches (the runner emits each once it is stored). */
export function attemptWhere(app: FastifyInstance, match: (e: AttemptEvent) => boolean): Promise<AttemptEvent> {
  return new Promise((resolve) => {
    const listener = (event: AttemptEvent) => {
      if (!match(event)) return;
      app.broker.webhooks.runner.events.off('attempt', listener);
      resolve(event);
    };
    app.broker.webhooks.runner.events.on('attempt', listener);
  });
}

/** Resolves once `count` attempts have been stored that end their triggered webhook (success or failure). */
export function settled(app: FastifyInstance, count: number): Promise<AttemptEvent[]> {
  const done: AttemptEvent[] = [];
  return new Promise((resolve) => {
    const listener = (event: AttemptEvent) => {
      if (event.status !== 'success' && event.status !== 'failure') return;
      done.push(event);
      if (done.length < count) return;
      app.broker.webhooks.runner.events.off('attempt', listener);
      resolve(done);
    };
    app.broker.webhooks.runner.events.on('attempt', listener);
  });
}

export async function createWebhook(app: FastifyInstance, definition: Record<string, unknown>): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/webhooks', payload: definition });
  if (response.statusCode !== 201) throw new Error(`webhook failed: ${response.statusCode} ${response.body}`);
  return response.json().uuid;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderToken } from '../../src/placeholder-token.ts';
import type { AnyProviderDefinition } from '../../src/provider/define-provider.ts';
import {
  defineProvider,
  formatReport,
  type ProviderDefinition,
  verifierPath,
  verifyProvider,
} from '../../src/provider/index.ts';

/**
 * One small provider, written four ways (a plain Node request listener as express or koa give,
 * an http.Server, a fastify instance, a server already running and reached by URL), verified
 * against one pact that carries its own token (swapped by requestFilter) and the placeholder
 * token (swapped by issueToken), with states handled in this process or by the provider's own
 * state change endpoint.
 */

let dir: string;
let pactFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ck-any-provider-'));
  pactFile = join(dir, 'Shop-Stock.json');
  const json = { 'Content-Type': 'application/json' };
  writeFileSync(
    pactFile,
    JSON.stringify({
      consumer: { name: 'Shop' },
      provider: { name: 'Stock' },
      interactions: [
        {
          description: 'an item read with the consumer’s own token',
          providerStates: [{ name: 'an item exists', params: { sku: 'A1' } }],
          request: { method: 'GET', path: '/items/A1', headers: { Authorization: 'Bearer shop-own-token' } },
          response: { status: 200, headers: json, body: { sku: 'A1', count: 3 } },
        },
        {
          description: 'an item read with the placeholder token',
          providerStates: [{ name: 'an item exists', params: { sku: 'B2' } }],
          request: { method: 'GET', path: '/items/B2', headers: { Authorization: `Bearer ${placeholderToken}` } },
          response: { status: 200, headers: json, body: { sku: 'B2', count: 3 } },
        },
        {
          description: 'a missing item, without a token',
          request: { method: 'GET', path: '/items/A1' },
          response: { status: 401 },
        },
      ],
      metadata: { pactSpecification: { version: '3.0.0' } },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The provider's logic: items and the one token it accepts, whatever framework serves it. */
function stock() {
  const items = new Map<string, number>();
  const tokens = new Set<string>();
  const listener: RequestListener = (request, response) => {
    // Reads rawHeaders, as hono's node adapter does: the swaps must show there too.
    const raw = request.rawHeaders;
    const authorization = raw[raw.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'authorization') + 1];
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token || !tokens.has(token)) return void response.writeHead(401).end();
    const sku = request.url?.split('/')[2] ?? '';
    if (!items.has(sku)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sku, count: items.get(sku) }));
  };
  return {
    listener,
    items,
    reset: () => {
      items.clear();
      tokens.clear();
    },
    issue: () => {
      const token = `t-${tokens.size + 1}`;
      tokens.add(token);
      return token;
    },
  };
}

type Stock = ReturnType<typeof stock>;

function filterFor(shop: () => Stock) {
  // pact-js's example spelling: a capitalised header name.
  return (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
    if (req.headers.authorization === 'Bearer shop-own-token') req.headers.Authorization = `Bearer ${shop().issue()}`;
    next();
  };
}

/** The provider built in this process by `build`, fresh for each verification. */
function inProcess<App>(build: (s: Stock) => App): ProviderDefinition<App> {
  let current = stock();
  return defineProvider<App>({
    provider: 'Stock',
    app: () => {
      current = stock();
      return build(current);
    },
    cleanState: async () => current.reset(),
    issueToken: async () => current.issue(),
    requestFilter: filterFor(() => current),
    states: () => ({
      'an item exists': async (params: { sku: string }) => {
        current.items.set(params.sku, 3);
      },
    }),
    logLevel: 'error',
  });
}

async function expectVerified(definition: AnyProviderDefinition) {
  const report = await verifyProvider({
    ...definition,
    source: { pactFiles: [pactFile] },
  });
  expect(report.passed, formatReport(report)).toBe(true);
  expect(report.interactions.map((i) => [i.description, i.result])).toEqual([
    ['an item read with the consumer’s own token', 'passed'],
    ['an item read with the placeholder token', 'passed'],
    ['a missing item, without a token', 'passed'],
  ]);
  expect(report.interactions.every((i) => i.pact.consumer === 'Shop' && i.pact.location === pactFile)).toBe(true);
  return report;
}

describe('any provider', () => {
  it('a request listener (what express, koa and hono give)', async () => {
    await expectVerified(inProcess((s) => s.listener));
  });

  it('an http.Server, not listening', async () => {
    await expectVerified(inProcess((s) => createServer(s.listener)));
  });

  it('a fastify instance', async () => {
    await expectVerified(
      inProcess((s) => {
        const app = Fastify();
        app.get('/items/:sku', (request, reply) => {
          reply.hijack();
          s.listener(request.raw, reply.raw);
        });
        return app;
      }),
    );
  });

  it('a provider already running, by URL, with its own state change endpoint', async () => {
    const s = stock();
    const states: unknown[] = [];
    const server = createServer((request, response) => {
      if (request.url !== '/_states') return s.listener(request, response);
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const change = JSON.parse(body) as { state: string; params: { sku: string }; action: string };
        states.push(change);
        if (change.action === 'setup') s.items.set(change.params.sku, 3);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const report = await expectVerified(
        defineProvider({
          provider: 'Stock',
          baseUrl,
          stateChangeUrl: `${baseUrl}/_states`,
          cleanState: async () => s.reset(),
          issueToken: async () => s.issue(),
          requestFilter: filterFor(() => s),
          logLevel: 'error',
        }),
      );
      expect(report.verifier).toBe('ffi');
      // pact-js's body, setup and teardown (pact-js asks for teardowns; so does the kit with a state change URL).
      expect(states).toEqual([
        { state: 'an item exists', params: { sku: 'A1' }, action: 'setup' },
        { state: 'an item exists', params: { sku: 'A1' }, action: 'teardown' },
        { state: 'an item exists', params: { sku: 'B2' }, action: 'setup' },
        { state: 'an item exists', params: { sku: 'B2' }, action: 'teardown' },
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fails an interaction whose state the provider’s endpoint refuses, naming the state and the answer', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('seed failed: disk full');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const report = await verifyProvider({
        provider: 'Stock',
        baseUrl,
        stateChangeUrl: `${baseUrl}/_states`,
        logLevel: 'error',
        source: { pactFiles: [pactFile] },
      });
      expect(report.passed).toBe(false);
      expect(report.interactions[0]?.problems).toEqual([
        `provider state "an item exists" (setup): the provider's state change URL ${baseUrl}/_states answered 500: seed failed: disk full`,
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('without requestFilter, a pact carrying its own token fails against real auth', async () => {
    const definition = inProcess((s) => s.listener);
    const { requestFilter: _dropped, ...withoutFilter } = definition;
    const report = await verifyProvider({ ...withoutFilter, source: { pactFiles: [pactFile] } });
    const failed = report.interactions.filter((i) => i.result === 'failed');
    expect(failed.map((i) => i.description)).toEqual(['an item read with the consumer’s own token']);
    expect(failed[0]?.problems).toContain('status: expected 200 but was 401');
  });

  it('refuses a definition with neither app nor baseUrl, saying what to write', async () => {
    await expect(verifyProvider({ provider: 'Stock', source: { pactFiles: [pactFile] } })).rejects.toThrow(
      /needs exactly one of `app` \(a function building the provider\) and `baseUrl` \(a running provider\)/,
    );
  });
});

describe('the fast path', () => {
  it('reaches pact_ffi through pact-core’s public entry point', () => {
    // Fails when pact-core stops exporting getFfiLib (or a function the kit calls): the kit would
    // then run pact-core's slower Verifier, with its teardown calls and environment fallbacks.
    expect(verifierPath()).toBe('ffi');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineStates, type StateHandler, verifyProvider } from '../../src/provider/index.ts';

/**
 * What the real Pact verifier does against the kit's state endpoint: one state call per
 * interaction when no handler has a teardown (the verifier builds a new HTTP client for each
 * call, so a useless call costs time), setup and teardown for every interaction when one does,
 * and every interaction starts clean either way, the ones without a state included.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'state-calls-test-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function thingInteraction(description: string, id: number, state: boolean) {
  return {
    description,
    ...(state ? { providerStates: [{ name: 'a thing exists', params: { id } }] } : {}),
    request: { method: 'GET', path: `/things/${id}` },
    response: state
      ? { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: { id } }
      : { status: 404 },
  };
}

function writePact(): string {
  const file = join(dir, 'Things-consumer.json');
  const pact = {
    consumer: { name: 'ThingsConsumer' },
    provider: { name: 'Things' },
    interactions: [
      thingInteraction('thing 1', 1, true),
      // No state: thing 1, seeded for the interaction before, must be gone.
      thingInteraction('no thing 1', 1, false),
      thingInteraction('thing 2', 2, true),
    ],
    metadata: { pactSpecification: { version: '3.0.0' } },
  };
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

async function verifyThings(handler: (events: string[], things: Set<number>) => StateHandler<{ id: number }>) {
  const events: string[] = [];
  const things = new Set<number>();
  // Every HTTP server's events, passed through: the state endpoint's requests are counted below.
  const serverEvents = vi.spyOn(Server.prototype, 'emit');
  const report = await verifyProvider({
    provider: 'Things',
    app: () => {
      const app = Fastify();
      app.get<{ Params: { id: string } }>('/things/:id', async (request, reply) => {
        events.push(`GET ${request.params.id}`);
        const id = Number(request.params.id);
        return things.has(id) ? { id } : reply.code(404).send();
      });
      return app;
    },
    cleanState: async () => {
      events.push('clean');
      things.clear();
    },
    states: () => defineStates({ 'a thing exists': handler(events, things) }),
    source: { pactFiles: [writePact()] },
    shards: 1,
    logLevel: 'error',
  });
  const stateCalls = serverEvents.mock.calls
    .filter(
      ([event, request]) => (event as string) === 'request' && (request as IncomingMessage).url === '/_provider-states',
    )
    .map(([, request]) => (request as IncomingMessage).method);
  return { report, events, stateCalls };
}

describe('state calls from the verifier', () => {
  it('makes one state call per interaction when no handler has a teardown', async () => {
    const { report, events, stateCalls } = await verifyThings((events, things) => async ({ id }) => {
      events.push(`setup ${id}`);
      things.add(id);
    });

    expect(report.interactions.map((i) => [i.description, i.result])).toEqual([
      ['thing 1', 'passed'],
      ['no thing 1', 'passed'],
      ['thing 2', 'passed'],
    ]);
    expect(events).toEqual(['clean', 'setup 1', 'GET 1', 'clean', 'GET 1', 'clean', 'setup 2', 'GET 2']);
    // One setup call per interaction (with an empty state for the one without), no teardown calls.
    expect(stateCalls).toHaveLength(3);
  });

  it('calls the teardown after each stateful interaction when a handler has one', async () => {
    const { report, events, stateCalls } = await verifyThings((events, things) => ({
      setup: async ({ id }) => {
        events.push(`setup ${id}`);
        things.add(id);
      },
      teardown: async ({ id }) => {
        events.push(`teardown ${id}`);
      },
    }));

    expect(report.passed).toBe(true);
    expect(events).toEqual([
      'clean',
      'setup 1',
      'GET 1',
      'teardown 1',
      'clean',
      'GET 1',
      'clean',
      'setup 2',
      'GET 2',
      'teardown 2',
    ]);
    // With teardowns on, the verifier also calls (setup and teardown) for the interaction without a state.
    expect(stateCalls).toHaveLength(6);
  });
});

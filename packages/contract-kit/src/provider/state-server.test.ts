import { afterEach, describe, expect, it } from 'vitest';
import { startStateServer } from './state-server.ts';
import { defineStates } from './states.ts';

const events: string[] = [];
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  events.length = 0;
  await close?.();
});

async function server() {
  const states = defineStates({
    'a thing exists': async (params: { id: number }) => {
      events.push(`setup ${params.id}`);
      return { id: params.id * 10 };
    },
    'a thing can be cleaned up': {
      setup: async () => {
        events.push('setup with teardown');
      },
      teardown: async () => {
        events.push('teardown');
      },
    },
    'a broken state': async () => {
      throw new Error('the seed data violates a constraint');
    },
  });
  const started = await startStateServer({
    target: { handlers: states },
    prepare: async () => {
      events.push('prepare');
    },
    finished: () => {
      events.push('finished');
    },
  });
  close = () => started.close();
  const change = async (body: unknown) => {
    const response = await fetch(started.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return { change, failures: started.failures };
}

describe('state server', () => {
  it('prepares the provider, runs the setup and returns its values for fromProviderState', async () => {
    const { change } = await server();
    expect(await change({ state: 'a thing exists', params: { id: 4 }, action: 'setup' })).toEqual({
      status: 200,
      body: { id: 40 },
    });
    expect(events).toEqual(['prepare', 'setup 4']);
  });

  it('runs a teardown and marks the interaction finished', async () => {
    const { change } = await server();
    await change({ state: 'a thing can be cleaned up', params: {}, action: 'setup' });
    await change({ state: 'a thing can be cleaned up', params: {}, action: 'teardown' });
    expect(events).toEqual(['prepare', 'setup with teardown', 'teardown', 'finished']);
  });

  it('answers an interaction without a state quietly', async () => {
    const { change, failures } = await server();
    expect(await change({ state: '', action: 'setup' })).toEqual({ status: 200, body: {} });
    expect(failures).toEqual([]);
  });

  it('fails an unknown state, naming it and the known ones', async () => {
    const { change, failures } = await server();
    const response = await change({ state: 'a thing is missing', params: {}, action: 'setup' });
    const message =
      'no handler is registered for this state. Known states: "a broken state", "a thing can be cleaned up", "a thing exists". Add a handler or fix the consumer test\'s given(...).';
    expect(response).toEqual({
      status: 400,
      body: { error: `Provider state "a thing is missing" (setup) failed: ${message}` },
    });
    expect(failures).toEqual([{ state: 'a thing is missing', action: 'setup', message }]);
    expect(events).toEqual(['finished']);
  });

  it('fails a state whose handler throws, with the handler’s message', async () => {
    const { change, failures } = await server();
    const response = await change({ state: 'a broken state', params: {}, action: 'setup' });
    expect(response.status).toBe(400);
    expect(failures).toEqual([
      { state: 'a broken state', action: 'setup', message: 'the seed data violates a constraint' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

interface Interaction {
  [key: string]: unknown;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}
type Pact = { interactions: Interaction[] | null; [key: string]: unknown };

/**
 * The merger is what the legacy PATCH of a pact does to the consumer version's existing pact: its `conflict?` is
 * the 409 the PATCH answers, its `merge_pacts` the pact it stores and answers with. Each example publishes the
 * first pact with PUT, then PATCHes the second onto it.
 */
describe('spec/lib/pact_broker/pacts/merger_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Provider/consumer/Consumer/version/1';
  const basePact = (): Pact => ({
    consumer: { name: 'Consumer' },
    provider: { name: 'Provider' },
    interactions: [
      {
        description: 'a request for a widget',
        providerState: null,
        request: { method: 'get', path: '/widget', headers: { 'Content-Type': 'application/json' } },
        response: { status: 200, body: 'a widget' },
      },
    ],
  });
  const first = (pact: Pact): Interaction => pact.interactions?.[0] as Interaction;
  const anotherInteraction = {
    description: 'a request for money',
    provider_state: null,
    request: { method: 'get', path: '/money', headers: { 'Content-Type': 'application/json' } },
    response: { status: 200, body: '$$$', headers: { 'Content-Type': 'application/json' } },
  };
  const bare = (items: Interaction[]) => items.map(({ _id, ...rest }) => rest);

  const put = async (pact: Pact) => expect((await broker.put(path, pact)).statusCode).toBe(201);
  const merged = async (existing: Pact, toMerge: Pact) => {
    await put(existing);
    const response = await broker.patch(path, toMerge);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    const served = (await broker.get(path)).json();
    expect(served.interactions).toEqual(response.json().interactions);
    return served as { interactions: Interaction[] };
  };
  const conflict = async (existing: Pact, toCompare: Pact) => {
    await put(existing);
    const response = await broker.patch(path, toCompare);
    if (response.statusCode === 409) expect(response.json().code).toBe('BROKER_MERGE_CONFLICT');
    else expect(response.statusCode).toBe(200);
    return response.statusCode === 409;
  };

  describe('#merge', () => {
    it('merges two pacts', async () => {
      const toMerge = basePact();
      toMerge.interactions?.push(anotherInteraction);
      const result = await merged(basePact(), toMerge);
      expect(bare(result.interactions)).toEqual([...(basePact().interactions ?? []), anotherInteraction]);
    });

    it('is idempotent', async () => {
      const toMerge = basePact();
      toMerge.interactions?.push(anotherInteraction);
      const once = await merged(basePact(), toMerge);
      const twice = (await broker.patch(path, toMerge)).json();
      expect(twice.interactions).toEqual(once.interactions);
    });

    it('overwrites identical interactions', async () => {
      const toMerge = basePact();
      first(toMerge).response = { ...first(toMerge).response, body: 'changed!' };
      const result = await merged(basePact(), toMerge);
      expect(result.interactions).toHaveLength(1);
      expect(result.interactions[0]?.response?.body).toBe('changed!');
    });

    it('appends interactions with a different provider state', async () => {
      const toMerge = basePact();
      first(toMerge).provider_state = 'upside down';
      const result = await merged(basePact(), toMerge);
      expect(result.interactions).toHaveLength(2);
    });

    it('appends interactions with a different description', async () => {
      const toMerge = basePact();
      first(toMerge).description = 'getting $$$';
      const result = await merged(basePact(), toMerge);
      expect(result.interactions).toHaveLength(2);
    });

    it('matches same provider state when is in v2 format', async () => {
      const existing = basePact();
      first(existing).providerState = 'something in the way';
      const toMerge = basePact();
      first(toMerge).providerState = 'something in the way';
      first(toMerge).response = { ...first(toMerge).response, body: 'changed!' };
      const result = await merged(existing, toMerge);
      expect(result.interactions).toHaveLength(1);
      expect(result.interactions[0]?.response?.body).toBe('changed!');
    });

    it('supports merging when provider state is in either v2 or v1 format', async () => {
      const existing = basePact();
      first(existing).provider_state = 'system must resist';
      const toMerge = basePact();
      first(toMerge).providerState = 'system must resist';
      first(toMerge).response = { ...first(toMerge).response, body: 'changed!' };
      const result = await merged(existing, toMerge);
      expect(result.interactions).toHaveLength(1);
      expect(result.interactions[0]?.response?.body).toBe('changed!');
    });

    it('supports merging when provider state is in v3 format with providerStates', async () => {
      const existing = basePact();
      first(existing).providerStates = [{ name: 'a state' }];
      const toMerge = basePact();
      first(toMerge).providerStates = [{ name: 'a state' }];
      first(toMerge).response = { ...first(toMerge).response, body: 'changed!' };
      const result = await merged(existing, toMerge);
      expect(result.interactions).toHaveLength(1);
      expect(result.interactions[0]?.response?.body).toBe('changed!');
    });
  });

  describe('#conflict?', () => {
    it('returns false if interactions have different descriptions', async () => {
      const toCompare = basePact();
      first(toCompare).description = 'something else';
      expect(await conflict(basePact(), toCompare)).toBe(false);
    });

    it('returns false if interactions have different provider states', async () => {
      const toCompare = basePact();
      first(toCompare).provider_state = 'some other thing';
      expect(await conflict(basePact(), toCompare)).toBe(false);
    });

    describe('when interactions have the same desc/state', () => {
      const changedRequest = (change: (request: Record<string, unknown>) => void) => {
        const pact = basePact();
        change(first(pact).request);
        return pact;
      };
      const headers = (request: Record<string, unknown>) => request.headers as Record<string, string>;

      it('returns false if request parameters are the same', async () => {
        expect(await conflict(basePact(), basePact())).toBe(false);
      });

      it('returns true if requests have a different query', async () => {
        const toCompare = changedRequest((request) => {
          request.query = 'foo=bar&baz=qux';
        });
        expect(await conflict(basePact(), toCompare)).toBe(true);
      });

      it('returns true if requests have a different body', async () => {
        const toCompare = changedRequest((request) => {
          request.body = { something: { nested: 'deeply' } };
        });
        expect(await conflict(basePact(), toCompare)).toBe(true);
      });

      it('returns true if request method is different', async () => {
        const toCompare = changedRequest((request) => {
          request.method = 'post';
        });
        expect(await conflict(basePact(), toCompare)).toBe(true);
      });

      it('returns true if request path is different', async () => {
        const toCompare = changedRequest((request) => {
          request.path = '/new_path';
        });
        expect(await conflict(basePact(), toCompare)).toBe(true);
      });

      it('returns true if request headers are different', async () => {
        const toCompare = changedRequest((request) => {
          headers(request)['Content-Type'] = 'text/html';
        });
        expect(await conflict(basePact(), toCompare)).toBe(true);
      });

      it('returns true if request has additional headers', async () => {
        const toCompare = changedRequest((request) => {
          headers(request).Accept = 'text/html';
        });
        expect(await conflict(basePact(), toCompare)).toBe(true);
      });

      it('returns true if request has missing headers', async () => {
        const toCompare = changedRequest((request) => {
          delete headers(request)['Content-Type'];
        });
        expect(await conflict(basePact(), toCompare)).toBe(true);
      });

      // This broker merges a pact without interactions (see the README): the real one calls it a conflict.
      it('returns true if the existing pact has no interactions and the new one does: here it merges', async () => {
        const existing = basePact();
        existing.interactions = null;
        expect(await conflict(existing, basePact())).toBe(false);
        expect(bare((await broker.get(path)).json().interactions)).toEqual(basePact().interactions);
      });

      it('returns true if the new pact has no interactions and the existing one does: here it merges', async () => {
        const toCompare = basePact();
        toCompare.interactions = null;
        expect(await conflict(basePact(), toCompare)).toBe(false);
        expect(bare((await broker.get(path)).json().interactions)).toEqual(basePact().interactions);
      });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { pactBetween } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The interaction sha is the `_id` this broker gives each interaction of a pact it serves: the SHA1 of the
 * interaction's JSON with every object's keys sorted (and any `_id` it came with left out).
 */
describe('spec/lib/pact_broker/pacts/generate_interaction_sha_spec.rb', () => {
  const broker = freshBroker();
  const interaction = {
    description: 'foo',
    providerStates: [{ name: 'bar', params: { wiffle: 'bar', meep: 'eek' } }],
  };
  const sameInOtherKeyOrder = {
    providerStates: [{ name: 'bar', params: { meep: 'eek', wiffle: 'bar' } }],
    description: 'foo',
  };
  const servedIds = async (version: string, interactions: unknown[]): Promise<unknown[]> => {
    await pactBetween(broker, 'Foo', version, 'Bar', {
      content: { consumer: { name: 'Foo' }, provider: { name: 'Bar' }, interactions },
    });
    const res = await broker.get(`/pacts/provider/Bar/consumer/Foo/version/${version}`);
    expect(res.statusCode).toBe(200);
    const served = res.json() as { interactions: { _id: unknown }[] };
    return served.interactions.map((item) => item._id);
  };

  describe('.call', () => {
    it('generates a SHA based on the sorted keys', async () => {
      expect(await servedIds('1', [interaction])).toEqual(['57d06e151eca35083e4d6b585b4d4fab2e2ed6b7']);
    });

    it('generates the same SHA if the keys are ordered differently', async () => {
      const [first] = await servedIds('1', [interaction]);
      // A consumer version cannot change its pact; the same interaction is published again by another version.
      expect(await servedIds('2', [sameInOtherKeyOrder])).toEqual([first]);
    });

    it('generates a SHA based on the sorted keys: an `_id` sent with the interaction is replaced by its own', async () => {
      expect(await servedIds('1', [{ _id: 'not-the-sha', ...sameInOtherKeyOrder }])).toEqual([
        '57d06e151eca35083e4d6b585b4d4fab2e2ed6b7',
      ]);
    });
  });
});

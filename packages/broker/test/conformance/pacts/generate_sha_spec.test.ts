import { describe, expect, it } from 'vitest';
import { shaOf } from '../../helpers/broker.ts';
import { pactBetween } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/** The sha is the pact version's name: two publications with the same sha share one pact version. */
describe('spec/lib/pact_broker/pacts/generate_sha_spec.rb', () => {
  const broker = freshBroker();
  const content = (interactions: unknown[], metadata: unknown) => ({
    consumer: { name: 'Foo' },
    provider: { name: 'Bar' },
    interactions,
    metadata,
  });
  const base = content(
    [
      { description: 'a', request: { method: 'GET', path: '/a' }, response: { status: 200 } },
      { description: 'c', request: { method: 'GET', path: '/c' }, response: { status: 201 } },
    ],
    { pactSpecification: { version: '1' } },
  );
  const sha = async (version: string, pact: unknown) => {
    await pactBetween(broker, 'Foo', version, 'Bar', { content: pact });
    return shaOf(broker.app, 'Bar', 'Foo', version);
  };

  describe('.call integration test', () => {
    it('when equality is based on the verifiable content only (the default): content differing only in order and metadata has the same sha', async () => {
      const reordered = content(
        [
          { response: { status: 201 }, request: { path: '/c', method: 'GET' }, description: 'c' },
          { response: { status: 200 }, request: { path: '/a', method: 'GET' }, description: 'a' },
        ],
        { 'pact-specification': { version: '1' } },
      );
      expect(await sha('2', reordered)).toBe(await sha('1', base));
    });

    it('returns a sha of 40 hex digits, different for different interactions', async () => {
      const changed = content(
        [{ description: 'a', request: { method: 'GET', path: '/a' }, response: { status: 9999 } }],
        {
          pactSpecification: { version: '1' },
        },
      );
      const first = await sha('1', base);
      expect(first).toMatch(/^[0-9a-f]{40}$/);
      expect(await sha('2', changed)).not.toBe(first);
    });
  });
});

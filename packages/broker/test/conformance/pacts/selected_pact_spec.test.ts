import { describe, expect, it } from 'vitest';
import { pact } from '../../helpers/broker.ts';
import { pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec merges two selected pacts (the overall latest, and the latest tagged foo) into one with both
 * selectors. Here versions 1 and 2 of Foo publish the same content, so the two selections are of one pact, and
 * the one pact of the answer names both selectors, the overall latest first.
 */
describe('spec/lib/pact_broker/pacts/selected_pact_spec.rb', () => {
  const broker = freshBroker();

  describe('.merge', () => {
    it('merges them', async () => {
      const content = pact('Foo', 'Bar', ['the same pact']);
      await pactBetween(broker, 'Foo', '1', 'Bar', { content, tags: ['foo'] });
      await pactBetween(broker, 'Foo', '2', 'Bar', { content });
      const pacts = await pactsFor(broker, {
        consumerVersionSelectors: [{ latest: true }, { tag: 'foo', latest: true }],
      });
      expect(pacts).toHaveLength(1);
      expect(pacts[0]?.short).toBe('latest, latest with tag foo');
      expect(pacts[0]?.inclusion).toContain('latest version of a consumer that has a pact with Bar (2)');
      expect(pacts[0]?.inclusion).toContain("latest version tagged 'foo' (1)");
    });
  });
});

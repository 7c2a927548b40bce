import { describe, expect, it } from 'vitest';
import { pact } from '../../helpers/broker.ts';
import { pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec deduplicates verifiable pacts by consumer name and pact content (sha). Here the same content is
 * selected twice, through the selectors POSTed to Bar's pacts-for-verification resource.
 */
describe('spec/lib/pact_broker/pacts/verifiable_pact_spec.rb', () => {
  const broker = freshBroker();
  const twoSelectors = {
    consumerVersionSelectors: [
      { tag: 'one', latest: true },
      { tag: 'two', latest: true },
    ],
  };

  describe('deduplicate', () => {
    describe('when the pact sha matches and the consumer name matches', () => {
      it('merges the two verifiable pacts; merges the selectors', async () => {
        const content = pact('A', 'Bar', ['the same pact']);
        await pactBetween(broker, 'A', '1', 'Bar', { content, tags: ['one'] });
        await pactBetween(broker, 'A', '2', 'Bar', { content, tags: ['two'] });
        const pacts = await pactsFor(broker, twoSelectors);
        expect(pacts).toHaveLength(1);
        expect(pacts[0]?.short).toBe('latest with tag two, latest with tag one');
        expect([...(pacts[0]?.versions ?? [])].sort()).toEqual(['1', '2']);
      });
    });

    describe('when the pact sha matches and the consumer name does not match', () => {
      it('does not merge the two verifiable pacts', async () => {
        // The pacts name their consumers, so their content differs by the names only: the interactions match.
        await pactBetween(broker, 'A', '1', 'Bar', { content: pact('A', 'Bar', ['the same']), tags: ['one'] });
        await pactBetween(broker, 'B', '1', 'Bar', { content: pact('B', 'Bar', ['the same']), tags: ['two'] });
        const pacts = await pactsFor(broker, twoSelectors);
        expect(pacts.map((p) => p.consumer)).toEqual(['A', 'B']);
      });
    });
  });
});

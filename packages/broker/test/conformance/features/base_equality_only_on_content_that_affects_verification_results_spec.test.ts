import { describe, expect, it } from 'vitest';
import { pact, publish, shaOf, verifyPact } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/base_equality_only_on_content_that_affects_verification_results_spec.rb', () => {
  const broker = freshBroker();

  // The setting is always on here (README: "answers differently on purpose"), so the example with it off has
  // no counterpart.
  describe('when a pact is published with a different order of interactions to a previous version, but which is otherwise the same', () => {
    it('when base_equality_only_on_content_that_affects_verification_results is true: does not create a new pact version', async () => {
      const first = pact('Foo', 'Bar', ['a request for one thing', 'a request for another']);
      const reversed = { ...first, interactions: [...first.interactions].reverse() };
      expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(first));
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1', content: first });
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '2', content: reversed });

      expect(await shaOf(broker.app, 'Bar', 'Foo', '2')).toBe(await shaOf(broker.app, 'Bar', 'Foo', '1'));
      // One pact version: a verification of version 1's pact is one of version 2's too.
      await verifyPact(broker.app, {
        consumer: 'Foo',
        consumerVersion: '1',
        provider: 'Bar',
        providerVersion: '7',
        success: true,
      });
      const response = await broker.get('/matrix?q[][pacticipant]=Foo&q[][version]=2&q[][pacticipant]=Bar');
      expect(
        response
          .json()
          .matrix.map((row: { provider: { version: { number: string } | null } }) => row.provider.version?.number),
      ).toEqual(['7']);
    });

    it('a different interaction is a new pact version (the same check can tell them apart)', async () => {
      await publish(broker.app, {
        consumer: 'Foo',
        provider: 'Bar',
        version: '1',
        content: pact('Foo', 'Bar', ['one']),
      });
      await publish(broker.app, {
        consumer: 'Foo',
        provider: 'Bar',
        version: '2',
        content: pact('Foo', 'Bar', ['two']),
      });
      expect(await shaOf(broker.app, 'Bar', 'Foo', '2')).not.toBe(await shaOf(broker.app, 'Bar', 'Foo', '1'));
    });
  });
});

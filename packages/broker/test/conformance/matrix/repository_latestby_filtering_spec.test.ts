import { beforeEach, describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

describe('spec/lib/pact_broker/matrix/repository_latestby_filtering_spec.rb', () => {
  const broker = freshBroker();

  describe('post-query filter ordering (limit vs latestby)', () => {
    beforeEach(async () => {
      await pactBetween(broker, 'Foo', '2', 'Bar');
      await verification(broker, 'Foo', '2', 'Bar', '20');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '10');
      await verification(broker, 'Foo', '1', 'Bar', '11', { success: false });
      await verification(broker, 'Foo', '1', 'Bar', '12');
    });

    it("when latestby is set but no limit (baseline): dedups pairA's 3 provider versions down to 1, keeping both integrations", async () => {
      const { rows } = await matrix(broker, `${selectors({ Foo: undefined, Bar: undefined })}&latestby=cvp`);
      expect(rows.sort()).toEqual(['Foo1 Bar12 n3', 'Foo2 Bar20 n1']);
    });

    // The real broker cuts the rows at `limit` before latestby, and so can lose an integration (here Foo 2 / Bar 20).
    // This broker applies the limit to the rows it shows, after latestby (see "answers differently on purpose").
    it('when limit is smaller than the row count and latestby is set: the limit cuts the deduplicated rows, keeping both integrations', async () => {
      const { rows } = await matrix(broker, `${selectors({ Foo: undefined, Bar: undefined })}&latestby=cvp&limit=2`);
      expect(rows.sort()).toEqual(['Foo1 Bar12 n3', 'Foo2 Bar20 n1']);
      const one = await matrix(broker, `${selectors({ Foo: undefined, Bar: undefined })}&latestby=cvp&limit=1`);
      expect(one.rows).toHaveLength(1);
    });

    it('when no latestby is set: returns a row per pact/verification (EveryRow path)', async () => {
      const { rows } = await matrix(broker, `${selectors({ Foo: undefined, Bar: undefined })}&limit=10`);
      expect(rows).toHaveLength(4);
    });
  });

  describe('success filter runs after latestby', () => {
    beforeEach(async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '5');
      await verification(broker, 'Foo', '1', 'Bar', '6', { success: false });
    });

    it('latestby cvp with success:[true]: does not resurrect the earlier successful verification once latestby has picked the (failing) highest provider_version_order row for the pair', async () => {
      const query = `${selectors({ Foo: undefined, Bar: undefined })}&latestby=cvp`;
      expect((await matrix(broker, query)).rows).toEqual(['Foo1 Bar6 n2']);
      expect((await matrix(broker, `${query}&success[]=true`)).rows).toEqual([]);
    });
  });
});

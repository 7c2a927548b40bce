import { beforeEach, describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/** `Repository.new.find(selectors, options)` is `GET /matrix` with the same selectors and options. */
describe('spec/lib/pact_broker/matrix/repository_query_limit_spec.rb', () => {
  let at = 0;
  const day = (n: number) => {
    at = Date.parse('2024-01-01T00:00:00.000Z') + n * 86_400_000;
  };
  const broker = freshBroker({ now: () => new Date(at) });
  beforeEach(() => day(0));

  describe('querying for can-i-deploy when there are more matrix rows than the specified query limit', () => {
    // Foo 1 -> Bar: four verifications by Bar 2 (the first tags it staging), one by Bar 3; Foo 1 -> Wiffle 6 (staging).
    beforeEach(async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2', { tags: ['staging'] });
      for (let i = 0; i < 3; i += 1) await verification(broker, 'Foo', '1', 'Bar', '2');
      await verification(broker, 'Foo', '1', 'Bar', '3');
      await pactBetween(broker, 'Foo', '1', 'Wiffle');
      await verification(broker, 'Foo', '1', 'Wiffle', '6', { tags: ['staging'] });
    });

    it('does not remove relevant rows from the query due to the specified limit', async () => {
      const { body, rows } = await matrix(
        broker,
        'q[][pacticipant]=Foo&q[][version]=1&tag=staging&latestby=cvp&limit=2',
      );
      expect(body.summary).toMatchObject({ deployable: true, success: 2, failed: 0, unknown: 0 });
      expect(rows).toEqual(['Foo1 Bar2 n4', 'Foo1 Wiffle6 n1']);
    });

    it('does not remove relevant rows from the query due to the specified limit: not even with a limit of 1', async () => {
      const { body, rows } = await matrix(
        broker,
        'q[][pacticipant]=Foo&q[][version]=1&tag=staging&latestby=cvp&limit=1',
      );
      expect(body.summary).toMatchObject({ deployable: true, success: 2 });
      expect(rows).toEqual(['Foo1 Wiffle6 n1']);
    });
  });

  describe('querying for the UI when there is a bi-directional pact and there are more matrix rows for one direction than the specified query limit', () => {
    beforeEach(async () => {
      for (const [n, [foo, bar]] of [
        ['1', '2'],
        ['3', '4'],
        ['5', '6'],
      ].entries()) {
        day(n);
        await pactBetween(broker, 'Foo', foo as string, 'Bar');
        await verification(broker, 'Foo', foo as string, 'Bar', bar as string);
        await pactBetween(broker, 'Bar', bar as string, 'Foo');
        await verification(broker, 'Bar', bar as string, 'Foo', foo as string);
      }
    });

    const consumers = (rows: string[]) => ({
      Foo: rows.filter((r) => r.startsWith('Foo')).length,
      Bar: rows.filter((r) => r.startsWith('Bar')).length,
    });

    it('includes rows from each direction', async () => {
      const { rows } = await matrix(broker, `${selectors({ Foo: undefined, Bar: undefined })}&limit=4`);
      expect(consumers(rows)).toEqual({ Foo: 2, Bar: 2 });
      expect(rows).toEqual(['Bar6 Foo5 n1', 'Bar4 Foo3 n1', 'Foo5 Bar6 n1', 'Foo3 Bar4 n1']);
    });

    describe('when where is a latestby', () => {
      it('includes rows from each direction', async () => {
        const { rows } = await matrix(broker, `${selectors({ Foo: undefined, Bar: undefined })}&limit=4&latestby=cvpv`);
        expect(consumers(rows)).toEqual({ Foo: 2, Bar: 2 });
        expect(rows).toEqual(['Bar6 Foo5 n1', 'Bar4 Foo3 n1', 'Foo5 Bar6 n1', 'Foo3 Bar4 n1']);
      });
    });
  });
});

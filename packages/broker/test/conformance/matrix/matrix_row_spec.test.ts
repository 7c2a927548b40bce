import { beforeEach, describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * `order_by_last_action_date` is the order the real broker reads matrix rows in, latest activity first: it decides
 * which rows a `limit` keeps. The rows it keeps are then shown in the matrix's own order (consumer name, latest
 * consumer version, provider name, latest provider version, latest verification). The clock here stands still
 * until a test moves it, so two actions can share a date, as the real examples' `created_at` make them.
 *
 * "the interface" (eager loading of the row's associations), `#verification_id` ("Required table not joined") and
 * `matching_one_selector_for_either_consumer_or_provider` (its ArgumentError) test the Sequel model itself and have
 * no counterpart over HTTP.
 */
describe('spec/lib/pact_broker/matrix/matrix_row_spec.rb', () => {
  let at = 0;
  const day = (n: number) => {
    at = Date.parse('2024-01-01T00:00:00.000Z') + n * 86_400_000;
  };
  const broker = freshBroker({ now: () => new Date(at) });
  beforeEach(() => day(0));

  const foo = selectors({ Foo: undefined });

  describe('order_by_last_action_date', () => {
    describe('when there are two pacts verified at the same time', () => {
      beforeEach(async () => {
        day(1);
        await pactBetween(broker, 'Foo', '10', 'Bar');
        day(2);
        await pactBetween(broker, 'Foo', '3', 'Bar');
        day(3);
        await verification(broker, 'Foo', '10', 'Bar', '2');
        await verification(broker, 'Foo', '3', 'Bar', '2');
      });

      it('orders by the pact publication id desc', async () => {
        const { body, rows } = await matrix(broker, foo);
        expect(rows).toEqual(['Foo3 Bar2 n1', 'Foo10 Bar2 n1']);
        const dates = body.matrix.map(
          (r: { verificationResult: { verifiedAt: string } }) => r.verificationResult.verifiedAt,
        );
        expect(dates).toEqual(['2024-01-04T00:00:00.000Z', '2024-01-04T00:00:00.000Z']);
        expect((await matrix(broker, `${foo}&limit=1`)).rows).toEqual(['Foo3 Bar2 n1']);
      });
    });

    describe('when a pact has been published after a pact has been verified', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '2');
        day(1);
        await pactBetween(broker, 'Foo', '2', 'Bar');
      });

      it('puts the unverified pact before the verification', async () => {
        expect((await matrix(broker, foo)).rows).toEqual(['Foo2 Bar? n?', 'Foo1 Bar2 n1']);
        expect((await matrix(broker, `${foo}&limit=1`)).rows).toEqual(['Foo2 Bar? n?']);
      });
    });

    describe('when a pact has been verified after a later pact was published', () => {
      // Not an example of the real spec, the case its order is for: the verification of Foo 1 is the latest action.
      beforeEach(async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await pactBetween(broker, 'Foo', '2', 'Bar');
        day(1);
        await verification(broker, 'Foo', '1', 'Bar', '2');
      });

      it('keeps the row of the latest verification within the limit', async () => {
        expect((await matrix(broker, foo)).rows).toEqual(['Foo2 Bar? n?', 'Foo1 Bar2 n1']);
        expect((await matrix(broker, `${foo}&limit=1`)).rows).toEqual(['Foo1 Bar2 n1']);
      });
    });

    describe('when two different pacts share the same last action date (pact_order tie-break)', () => {
      beforeEach(async () => {
        day(1);
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '10');
        await pactBetween(broker, 'Foo', '2', 'Baz');
        await verification(broker, 'Foo', '2', 'Baz', '20');
      });

      it('orders the most recently created pact first (documents current pact_order tie-break)', async () => {
        expect((await matrix(broker, foo)).rows).toEqual(['Foo2 Baz20 n1', 'Foo1 Bar10 n1']);
        expect((await matrix(broker, `${foo}&limit=1`)).rows).toEqual(['Foo2 Baz20 n1']);
      });
    });

    describe('when the same pact is verified by two provider versions on the same last action date (verification_id tie-break)', () => {
      beforeEach(async () => {
        day(1);
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '10');
        await verification(broker, 'Foo', '1', 'Bar', '20');
      });

      it('orders the most recently created verification first (documents current verification_id tie-break)', async () => {
        expect((await matrix(broker, foo)).rows).toEqual(['Foo1 Bar20 n2', 'Foo1 Bar10 n1']);
        expect((await matrix(broker, `${foo}&limit=1`)).rows).toEqual(['Foo1 Bar20 n2']);
      });
    });

    describe('when the row comes from the database', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        day(1);
        await verification(broker, 'Foo', '1', 'Bar', '2');
      });

      it('returns a real date/time object, not a String, for last_action_date: the dates are ISO 8601 date-times', async () => {
        const [row] = (await matrix(broker, foo)).body.matrix;
        expect(row.pact.createdAt).toBe('2024-01-01T00:00:00.000Z');
        expect(row.verificationResult.verifiedAt).toBe('2024-01-02T00:00:00.000Z');
      });
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * A selector with a fallback tag, POSTed to Bar's pacts-for-verification resource; the resolved selector (the tag
 * used, whether it fell back) shows in the inclusion reason and short description of each pact.
 */
describe('spec/lib/pact_broker/pacts/repository_find_for_verification_fallback_spec.rb', () => {
  const broker = freshBroker();
  const select = (selector: Record<string, unknown>) =>
    pactsFor(broker, { consumerVersionSelectors: [{ latest: true, ...selector }] });

  describe('#find_for_verification', () => {
    describe('when there is a fallback tag specified', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['master'] });
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['feat-x'] });
      });

      describe('when a pact exists for the main tag', () => {
        it('returns the pact with the main tag; does not set the fallback_tag on the selector', async () => {
          const pacts = await select({ tag: 'feat-x', fallbackTag: 'master' });
          expect(pacts.map((p) => p.versions)).toEqual([['2']]);
          expect(pacts[0]?.inclusion).toContain("latest version tagged 'feat-x' (2)");
          expect(pacts[0]?.inclusion).not.toContain('fallback');
          expect(pacts[0]?.short).toBe('latest with tag feat-x');
        });
      });

      describe('when a pact does not exist for the main tag and pact exists for the fallback tag', () => {
        it('returns the pact with the fallback tag; sets the fallback_tag, the tag and latest', async () => {
          const pacts = await select({ tag: 'no-existy', fallbackTag: 'master' });
          expect(pacts.map((p) => p.versions)).toEqual([['1']]);
          expect(pacts[0]?.inclusion).toContain(
            "latest version tagged 'master' (fallback tag used as no pact was found with tag 'no-existy') (1)",
          );
        });

        it('when a consumer is specified: only returns the pacts for the consumer', async () => {
          await pactBetween(broker, 'Foo2', '3', 'Bar', { tags: ['master'] });
          const pacts = await select({ tag: 'no-existy', fallbackTag: 'master', consumer: 'Foo' });
          expect(pacts.map((p) => `${p.consumer} ${p.versions}`)).toEqual(['Foo 1']);
          expect(pacts[0]?.inclusion).toContain(
            "latest version of Foo tagged 'master' (fallback tag used as no pact was found with tag 'no-existy') (1)",
          );
        });
      });

      it('when a pact does not exist for either tag or fallback_tag: returns an empty list', async () => {
        expect(await select({ tag: 'no-existy', fallbackTag: 'also-no-existy' })).toEqual([]);
      });
    });
  });
});

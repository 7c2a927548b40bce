import { describe, expect, it } from 'vitest';
import { matrix, pactBetween, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/** `Service.can_i_deploy(selectors, options)` is `GET /matrix` with the same selectors and options. */
describe('spec/lib/pact_broker/matrix/integration_spec.rb', () => {
  const broker = freshBroker();
  const prod = 'latest=true&tag=prod&latestby=cvp';
  const deployable = async (query: string) => (await matrix(broker, query)).body.summary.deployable;

  describe('find', () => {
    it('find: returns the rows of the one integration, with the resolved versions', async () => {
      await pactBetween(broker, 'foo', '1', 'bar');
      await verification(broker, 'foo', '1', 'bar', '2', { tags: ['prod'] });
      const { rows } = await matrix(broker, `q[][pacticipant]=foo&${prod}`);
      expect(rows).toEqual(['foo1 bar2 n1']);
    });

    it('when deploying a version of a provider with multiple versions of a consumer in production that is missing a verification for the latest prod version: does not allow the provider to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['prod'] });
      await verification(broker, 'Foo', '1', 'Bar', '10', { tags: ['test'] });
      await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['prod'] });
      expect(await deployable('q[][pacticipant]=Bar&q[][latest]=true&q[][tag]=test&tag=prod&latestby=cvp')).not.toBe(
        true,
      );
    });

    describe('when deploying a consumer that has not been verified by any providers', () => {
      it('returns 2 integrations; does not allow the consumer to be deployed', async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await pactBetween(broker, 'Foo', '1', 'Baz');
        const { rows, body } = await matrix(broker, `q[][pacticipant]=Foo&q[][version]=1&${prod}`);
        expect(rows.sort()).toEqual(['Foo1 Bar? n?', 'Foo1 Baz? n?']);
        expect(body.summary.deployable).not.toBe(true);
      });
    });

    describe('when deploying a consumer that has two providers in prod, but it is not verified by one of the prod provider versions, pact_broker-client issue #33', () => {
      it('returns 2 integrations, 1 row with a verification and 1 without; does not allow the consumer to be deployed', async () => {
        await pactBetween(broker, 'Foo', '3.0.0', 'Bar');
        await verification(broker, 'Foo', '3.0.0', 'Bar', '10.0.0', { tags: ['prod'] });
        await pactBetween(broker, 'Foo', '3.0.0', 'Baz');
        await verification(broker, 'Foo', '3.0.0', 'Baz', '20', { tags: ['prod'] });
        await pactBetween(broker, 'Foo', '2.0.0', 'Bar');
        await verification(broker, 'Foo', '2.0.0', 'Bar', '11.0.0', { tags: ['prod'] });
        const { rows, body } = await matrix(broker, `q[][pacticipant]=Foo&q[][version]=3.0.0&${prod}`);
        expect(rows.sort()).toEqual(['Foo3.0.0 Bar? n?', 'Foo3.0.0 Baz20 n1']);
        expect(body.summary.deployable).not.toBe(true);
      });
    });

    it('when deploying an old version of a consumer that has added a new provider since that version: allows the old version of the consumer to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2', { tags: ['prod'] });
      await pactBetween(broker, 'Foo', '2', 'Bar');
      await verification(broker, 'Foo', '2', 'Bar', '3');
      await pactBetween(broker, 'Foo', '2', 'Wiffle');
      await verification(broker, 'Foo', '2', 'Wiffle', '10');
      expect(await deployable(`q[][pacticipant]=Foo&q[][version]=1&${prod}`)).toBe(true);
    });

    it('when the specified version does not exist: does not allow the app to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      expect(await deployable('q[][pacticipant]=Bar&q[][version]=5')).toBe(false);
    });

    it('when deploying a provider to prod for the first time and the consumer is not yet deployed: allows the app to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2');
      expect(await deployable(`q[][pacticipant]=Bar&q[][version]=2&${prod}`)).toBe(true);
    });

    it('when deploying a consumer to prod for the first time and the provider is not yet deployed: does not allow the app to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2');
      expect(await deployable(`q[][pacticipant]=Foo&q[][version]=1&${prod}`)).not.toBe(true);
    });

    describe('when deploying an app that is both a consumer and a provider to prod for the first time', () => {
      const seed = async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '2');
        await pactBetween(broker, 'Bar', '2', 'Baz');
      };

      it('and the downstream provider is not yet deployed: does not allow the app to be deployed', async () => {
        await seed();
        expect(await deployable(`q[][pacticipant]=Bar&q[][version]=2&${prod}`)).not.toBe(true);
      });

      it('and the downstream provider has been deployed: allows the app to be deployed', async () => {
        await seed();
        await verification(broker, 'Bar', '2', 'Baz', '4', { tags: ['prod'] });
        expect(await deployable(`q[][pacticipant]=Bar&q[][version]=2&${prod}`)).toBe(true);
      });
    });

    it('when deploying a provider where the pact has not been verified: allows the app to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await broker.put('/pacticipants/Bar/versions/2', {});
      expect(await deployable(`q[][pacticipant]=Bar&q[][version]=2&${prod}`)).toBe(true);
    });

    describe('when two applications have pacts with each other (nureva use case)', () => {
      const seed = async () => {
        await pactBetween(broker, 'ServiceB', '100', 'ServiceA');
        await verification(broker, 'ServiceB', '100', 'ServiceA', '99');
        await pactBetween(broker, 'ServiceA', '1', 'ServiceB');
        await verification(broker, 'ServiceA', '1', 'ServiceB', '100');
      };

      it('when both application versions are specified explictly: does not allow the two apps to be deployed together', async () => {
        await seed();
        const query =
          'q[][pacticipant]=ServiceA&q[][version]=1&q[][pacticipant]=ServiceB&q[][version]=100&latestby=cvpv';
        expect(await deployable(query)).not.toBe(true);
      });

      it('when only one application is specified: does not allow the two apps to be deployed together', async () => {
        await seed();
        expect(await deployable('q[][pacticipant]=ServiceB&q[][version]=100&latestby=cvp&latest=true')).not.toBe(true);
      });
    });

    describe('specifying a provider which has multiple prod versions of one consumer (explicit) and a single version of another (inferred)', () => {
      // Foo 1 and 2 (prod) -> Bar 2; Foo 3 -> Bar 2 failed; Cat 20 (prod) -> Bar unverified; Dog 40 -> Bar 2.
      const seed = async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['prod'] });
        await verification(broker, 'Foo', '1', 'Bar', '2');
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['prod'] });
        await verification(broker, 'Foo', '2', 'Bar', '2');
        await pactBetween(broker, 'Foo', '3', 'Bar');
        await verification(broker, 'Foo', '3', 'Bar', '2', { success: false });
        await pactBetween(broker, 'Cat', '20', 'Bar', { tags: ['prod'] });
        await pactBetween(broker, 'Dog', '40', 'Bar');
        await verification(broker, 'Dog', '40', 'Bar', '2');
      };
      const selectors = 'q[][pacticipant]=Bar&q[][version]=2&q[][pacticipant]=Foo&q[][tag]=prod';

      it('with inferred selectors: finds all prod versions of Foo and the single prod version of Cat; is not deployable because of the missing verification for Cat v20', async () => {
        await seed();
        const { rows, body } = await matrix(broker, `${selectors}&latest=true&tag=prod`);
        expect(rows.sort()).toEqual(['Cat20 Bar? n?', 'Foo1 Bar2 n1', 'Foo2 Bar2 n1']);
        expect(body.summary.deployable).toBeNull();
        expect(body.summary.reasons.map((r: { text: string }) => r.text)).toEqual([
          'There is no verified pact between the latest version of Cat with tag prod (20) and version 2 of Bar',
        ]);
      });

      it('without inferred selectors: is deployable', async () => {
        await seed();
        expect(await deployable(selectors)).toBe(true);
      });
    });

    it('when there is a consumer with two providers, and only one of them has a verification, and the consumer and the verified provider are explicitly specified: allows the consumer to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2', { tags: ['prod'] });
      await pactBetween(broker, 'Foo', '1', 'Wiffle');
      const query =
        'q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][tag]=prod&q[][latest]=true&latestby=cvpv';
      expect(await deployable(query)).toBe(true);
    });

    it('when a provider version has no verification results with the consumer version already in the environment: does not allow the provider to be deployed (pact_broker#485)', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '1');
      await pactBetween(broker, 'NotInTest', '1', 'Bar', { tags: ['test'] });
      await verification(broker, 'NotInTest', '1', 'Bar', '1');
      await broker.put('/pacticipants/Bar/versions/2', {});
      const { body } = await matrix(broker, 'q[][pacticipant]=Bar&q[][version]=2&latestby=cvp&tag=test&latest=true');
      expect(body.summary.deployable).not.toBe(true);
      expect(body.summary.reasons.map((r: { code: string }) => r.code)).toEqual(['VERIFICATION_NOT_PUBLISHED']);
    });

    describe('when adding a new provider', () => {
      const seed = async () => {
        await pactBetween(broker, 'c1', '1', 'p1', { tags: ['test'] });
        await verification(broker, 'c1', '1', 'p1', '1', { tags: ['test'] });
        await pactBetween(broker, 'c1', '2', 'p2');
        await verification(broker, 'c1', '2', 'p2', '1');
      };
      const test = 'latestby=cvp&latest=true&tag=test';

      it('c1 v2: is not allowed to be deployed because it relies on p2 which has not been deployed yet', async () => {
        await seed();
        expect(await deployable(`q[][pacticipant]=c1&q[][version]=2&${test}`)).not.toBe(true);
      });

      it('p2 v1: is allowed to be deployed because the version of c1 that is in test does not care about p2', async () => {
        await seed();
        expect(await deployable(`q[][pacticipant]=p2&q[][version]=1&${test}`)).toBe(true);
      });
    });

    it('when the consumer version currently deployed has no pacts with a provider: allows the provider to be deployed', async () => {
      await pactBetween(broker, 'c1', '1', 'p1');
      await verification(broker, 'c1', '1', 'p1', '1');
      await broker.put('/pacticipants/c1/versions/2/tags/prod', {});
      expect(await deployable('q[][pacticipant]=p1&q[][version]=1&latestby=cvp&latest=true&tag=prod')).toBe(true);
    });

    it('when an unresolved selector resolves to more than one resolved selector (ie. all tags): identifies the correct selector for a failing row', async () => {
      await pactBetween(broker, 'foo', '1', 'bar');
      await verification(broker, 'foo', '1', 'bar', '1', { tags: ['prod'] });
      await verification(broker, 'foo', '1', 'bar', '2', { success: false, tags: ['prod'] });
      const { body } = await matrix(broker, 'q[][pacticipant]=foo&q[][version]=1&latestby=cvp&tag=prod');
      expect(body.summary.reasons[0].text).toBe(
        'The verification for the pact between version 1 of foo and a version of bar with tag prod (2) failed',
      );
    });
  });
});

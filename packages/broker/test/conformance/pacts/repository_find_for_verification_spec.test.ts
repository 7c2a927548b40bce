import { describe, expect, it } from 'vitest';
import { createEnvironment, pact, recordDeployment } from '../../helpers/broker.ts';
import { type Found, pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec calls the pact repository's find with selectors; here the same selectors are POSTed to Bar's
 * pacts-for-verification resource, and each pact's consumer, consumer versions and inclusion reason stand for the
 * selected pact and its resolved selectors.
 */
describe('spec/lib/pact_broker/pacts/repository_find_for_verification_spec.rb', () => {
  const broker = freshBroker();
  const find = (pacts: Found[], consumer: string, version: string) =>
    pacts.find((p) => p.consumer === consumer && p.versions.includes(version));
  const pairs = (pacts: Found[]) => pacts.map((p) => `${p.consumer} ${[...p.versions].sort().join(',')}`).sort();

  /** Foo: prod version, a dev version, the latest dev version; Baz: one version tagged as given. */
  async function fooAndBaz(bazTags: string[]) {
    await pactBetween(broker, 'Foo', 'foo-latest-prod-version', 'Bar', { tags: ['prod'] });
    await pactBetween(broker, 'Foo', 'not-latest-dev-version', 'Bar', { tags: ['dev'] });
    await pactBetween(broker, 'Foo', 'foo-latest-dev-version', 'Bar', { tags: ['dev'] });
    await pactBetween(broker, 'Baz', 'baz-latest-dev-version', 'Bar', { tags: bazTags });
  }

  describe('#find_for_verification', () => {
    describe('when there are no selectors', () => {
      it('when there is no main branch version: returns the latest pact for each consumer', async () => {
        await broker.post('/pacticipants', { name: 'Foo', mainBranch: 'main' });
        await fooAndBaz(['dev', 'main']);
        const pacts = await pactsFor(broker, {});
        expect(pairs(pacts)).toEqual(['Baz baz-latest-dev-version', 'Foo foo-latest-dev-version']);
        expect(find(pacts, 'Foo', 'foo-latest-dev-version')?.short).toBe('latest');
        // The real spec's data builder skips main-branch detection (on by default), which the tag main makes
        // Baz's main branch here, as a real broker's API would: the same pact, chosen by that tag.
        expect(find(pacts, 'Baz', 'baz-latest-dev-version')?.short).toBe('latest with tag main');
      });

      it('when there is a version from the main branch: returns the latest version from the main branch', async () => {
        await broker.post('/pacticipants', { name: 'Foo', mainBranch: 'main' });
        await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
        await pactBetween(broker, 'Foo', '2', 'Bar');
        const pacts = await pactsFor(broker, {});
        expect(pairs(pacts)).toEqual(['Foo 1']);
        expect(pacts[0]?.short).toBe('latest from main branch');
      });

      it('when there is a version with a tag with the name of the main branch: returns it, selected by the tag', async () => {
        await broker.post('/pacticipants', { name: 'Foo', mainBranch: 'main' });
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['main'] });
        await pactBetween(broker, 'Foo', '2', 'Bar');
        const pacts = await pactsFor(broker, {});
        expect(pairs(pacts)).toEqual(['Foo 1']);
        expect(pacts[0]?.short).toBe('latest with tag main');
      });

      it('when there is a not version from the main branch: returns the overall latest', async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await pactBetween(broker, 'Foo', '2', 'Bar');
        const pacts = await pactsFor(broker, {});
        expect(pairs(pacts)).toEqual(['Foo 2']);
        expect(pacts[0]?.short).toBe('latest');
      });

      it('when there are currently deployed versons: returns the currently deployed pacts', async () => {
        const env = await createEnvironment(broker.app, 'test');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        const old = (await recordDeployment(broker.app, 'Foo', '1', env)).json().uuid;
        await broker.patch(`/deployed-versions/${old}`, { currentlyDeployed: false });
        await pactBetween(broker, 'Foo', '2', 'Bar');
        await recordDeployment(broker.app, 'Foo', '2', env);
        await pactBetween(broker, 'Foo', '3', 'Bar');
        const pacts = await pactsFor(broker, {});
        expect(find(pacts, 'Foo', '1')).toBeUndefined();
        expect(find(pacts, 'Foo', '2')?.short).toBe('deployed to test');
      });

      it('when there are currently released+supported versions: returns the currently supported pacts', async () => {
        const env = await createEnvironment(broker.app, 'test');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        const old = (await recordDeployment(broker.app, 'Foo', '1', env, 'released')).json().uuid;
        await broker.patch(`/released-versions/${old}`, { currentlySupported: false });
        await pactBetween(broker, 'Foo', '2', 'Bar');
        await recordDeployment(broker.app, 'Foo', '2', env, 'released');
        await pactBetween(broker, 'Foo', '3', 'Bar');
        const pacts = await pactsFor(broker, {});
        expect(find(pacts, 'Foo', '1')).toBeUndefined();
        expect(find(pacts, 'Foo', '2')?.short).toBe('released in test');
      });
    });

    it('when the selector is latest: true: returns the latest pact for each consumer', async () => {
      await pactBetween(broker, 'Foo1', '1', 'Bar');
      await pactBetween(broker, 'Foo1', '2', 'Bar');
      await pactBetween(broker, 'Foo2', '3', 'Bar');
      await pactBetween(broker, 'Foo2', '4', 'Bar2');
      const pacts = await pactsFor(broker, { consumerVersionSelectors: [{ latest: true }] });
      expect(pairs(pacts)).toEqual(['Foo1 2', 'Foo2 3']);
      expect(find(pacts, 'Foo1', '2')?.inclusion).toContain(
        'latest version of a consumer that has a pact with Bar (2)',
      );
    });

    it("when the selector is latest: true for a particular consumer: returns that consumer's latest pact", async () => {
      await pactBetween(broker, 'Foo1', '1', 'Bar');
      await pactBetween(broker, 'Foo1', '2', 'Bar');
      await pactBetween(broker, 'Foo2', '2', 'Bar');
      await pactBetween(broker, 'Foo2', '2', 'Bar2');
      const pacts = await pactsFor(broker, { consumerVersionSelectors: [{ latest: true, consumer: 'Foo1' }] });
      expect(pairs(pacts)).toEqual(['Foo1 2']);
      expect(pacts[0]?.inclusion).toContain('latest version of Foo1 that has a pact with Bar (2)');
    });

    it('when the selector is latest: true, with a tag, for a particular consumer', async () => {
      await pactBetween(broker, 'Foo1', '1', 'Bar', { tags: ['prod'] });
      await pactBetween(broker, 'Foo1', '2', 'Bar');
      await pactBetween(broker, 'Foo2', '2', 'Bar', { tags: ['prod'] });
      await pactBetween(broker, 'Foo2', '2', 'Bar2');
      const pacts = await pactsFor(broker, {
        consumerVersionSelectors: [{ tag: 'prod', latest: true, consumer: 'Foo1' }],
      });
      expect(pairs(pacts)).toEqual(['Foo1 1']);
      expect(pacts[0]?.inclusion).toContain("latest version of Foo1 tagged 'prod' (1)");
    });

    describe('when the latest consumer tag names are specified', () => {
      const devAndProd = {
        consumerVersionSelectors: [
          { tag: 'dev', latest: true },
          { tag: 'prod', latest: true },
        ],
      };

      it('returns the latest pact with the specified tags for each consumer; sets the tags', async () => {
        await fooAndBaz(['dev', 'prod']);
        const pacts = await pactsFor(broker, devAndProd);
        expect(pairs(pacts)).toEqual([
          'Baz baz-latest-dev-version',
          'Foo foo-latest-dev-version',
          'Foo foo-latest-prod-version',
        ]);
        expect(find(pacts, 'Foo', 'foo-latest-prod-version')?.short).toBe('latest with tag prod');
        expect(find(pacts, 'Foo', 'foo-latest-dev-version')?.short).toBe('latest with tag dev');
        expect(find(pacts, 'Baz', 'baz-latest-dev-version')?.short).toBe('latest with tag dev, latest with tag prod');
      });

      describe('when a consumer name is specified', () => {
        const allProdOfFoo = { consumerVersionSelectors: [{ tag: 'prod', consumer: 'Foo' }] };
        async function moreProd() {
          await fooAndBaz(['dev', 'prod']);
          await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['prod'] });
          const same = pact('Foo', 'Bar', ['the pact of 3 and 4']);
          await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['prod'], content: same });
          await pactBetween(broker, 'Foo', '4', 'Bar', { tags: ['prod'], content: same });
        }

        it('returns all the pacts with that tag for that consumer', async () => {
          await moreProd();
          const pacts = await pactsFor(broker, allProdOfFoo);
          expect(pacts).toHaveLength(3);
          expect(find(pacts, 'Foo', 'foo-latest-prod-version')?.inclusion).toContain(
            "all Foo versions tagged 'prod' (foo-latest-prod-version)",
          );
        });

        it('includes all the selectors when the same pact content is selected multiple times', async () => {
          await moreProd();
          const pacts = await pactsFor(broker, allProdOfFoo);
          const shared = pacts.find((p) => p.versions.includes('4'));
          expect([...(shared?.versions ?? [])].sort()).toEqual(['3', '4']);
          expect(shared?.inclusion).toContain("all Foo versions tagged 'prod' (3)");
          expect(shared?.inclusion).toContain("all Foo versions tagged 'prod' (4)");
        });
      });
    });

    describe('when all versions with a given tag are requested', () => {
      async function prodVersions() {
        await pactBetween(broker, 'Foo2', 'prod-version-1', 'Bar2', { tags: ['prod'] });
        await pactBetween(broker, 'Foo2', 'not-prod-version', 'Bar2', { tags: ['master'] });
        await pactBetween(broker, 'Foo2', 'prod-version-2', 'Bar2', { tags: ['prod'] });
      }
      const allProd = { consumerVersionSelectors: [{ tag: 'prod' }] };

      it('returns all the versions with the specified tag', async () => {
        await prodVersions();
        const pacts = await pactsFor(broker, allProd, 'Bar2');
        expect(pairs(pacts)).toEqual(['Foo2 prod-version-1', 'Foo2 prod-version-2']);
        for (const p of pacts) expect(p.short).toBe('one of prod');
      });

      it('dedupes them to ensure that each pact version is only verified once', async () => {
        await prodVersions();
        const content = pact('Foo2', 'Bar2', ['Foo2 prod-version-2 to Bar2']);
        await pactBetween(broker, 'Foo2', 'prod-version-3', 'Bar2', { tags: ['prod'], content });
        const pacts = await pactsFor(broker, allProd, 'Bar2');
        expect(pairs(pacts)).toEqual(['Foo2 prod-version-1', 'Foo2 prod-version-2,prod-version-3']);
      });
    });

    describe('when all versions with a given tag for a given consumer are requested', () => {
      async function prodVersions() {
        await pactBetween(broker, 'Foo2', 'prod-version-1', 'Bar2', { tags: ['prod'] });
        await pactBetween(broker, 'Foo2', 'not-prod-version', 'Bar2', { tags: ['master'] });
        await pactBetween(broker, 'Foo2', 'prod-version-2', 'Bar2', { tags: ['prod'] });
        await pactBetween(broker, 'Foo3', 'prod-version-3', 'Bar2', { tags: ['prod'] });
      }
      const selection = { consumerVersionSelectors: [{ tag: 'prod', consumer: 'Foo2' }] };

      it('returns all the versions with the specified tag and consumer', async () => {
        await prodVersions();
        expect(pairs(await pactsFor(broker, selection, 'Bar2'))).toEqual([
          'Foo2 prod-version-1',
          'Foo2 prod-version-2',
        ]);
      });

      it('sets the selectors', async () => {
        await prodVersions();
        const pacts = await pactsFor(broker, selection, 'Bar2');
        expect(find(pacts, 'Foo2', 'prod-version-1')?.short).toBe('one of Foo2 prod');
      });
    });

    it('when a pact version has been selected by two different selectors: one pact, both selectors', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev', 'prod'] });
      const pacts = await pactsFor(broker, {
        consumerVersionSelectors: [{ tag: 'prod' }, { tag: 'dev', latest: true }],
      });
      expect(pacts).toHaveLength(1);
      expect(pacts[0]?.short).toBe('one of prod, latest with tag dev');
    });

    describe('when no selectors are specified', () => {
      it('returns the latest pact for each provider; does not set the tag name', async () => {
        await fooAndBaz(['dev']);
        const pacts = await pactsFor(broker, {});
        expect(pairs(pacts)).toEqual(['Baz baz-latest-dev-version', 'Foo foo-latest-dev-version']);
        const foo = find(pacts, 'Foo', 'foo-latest-dev-version');
        expect(foo?.short).toBe('latest');
        expect(foo?.inclusion).not.toContain('tagged');
      });
    });

    it('when two consumers have exactly the same json content: returns a pact for each consumer', async () => {
      // The pacts name their consumers; their interactions are the same.
      await pactBetween(broker, 'Foo', '1', 'Bar', { content: pact('Foo', 'Bar', ['foo']) });
      await pactBetween(broker, 'Baz', '1', 'Bar', { content: pact('Baz', 'Bar', ['foo']) });
      expect(pairs(await pactsFor(broker, {}))).toEqual(['Baz 1', 'Foo 1']);
    });
  });
});

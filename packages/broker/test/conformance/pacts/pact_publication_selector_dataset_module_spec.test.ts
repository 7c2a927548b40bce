import { describe, expect, it } from 'vitest';
import { createEnvironment, pact, recordDeployment } from '../../helpers/broker.ts';
import { type Found, pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * Each selector is POSTed to Bar's pacts-for-verification resource; the dataset's rows (one per tag, branch,
 * environment or deployment target) are squashed there into one pact per content, so the rows show as the
 * pact's consumer versions and the selections in its short description. The rows' extra columns (`tag_name`,
 * `branch_name`, `target`) have no counterpart of their own: they are what those descriptions say.
 */
describe('spec/lib/pact_broker/pacts/pact_publication_selector_dataset_module_spec.rb', () => {
  const broker = freshBroker();
  const select = (selector: Record<string, unknown>) => pactsFor(broker, { consumerVersionSelectors: [selector] });
  const listed = (pacts: Found[]) => pacts.map((p) => `${p.consumer} ${p.versions.join(',')}: ${p.short}`).sort();

  describe('#for_provider_and_consumer_version_selector', () => {
    it('all_for_tag: returns all the pacts for the specified consumer version tag, 1 and 3', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['prod'] });
      await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['not-prod'] });
      await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['prod'] });
      await pactBetween(broker, 'Foo', '3', 'NotBar', { tags: ['prod'] });
      expect(listed(await select({ tag: 'prod' }))).toEqual(['Foo 1: one of prod', 'Foo 3: one of prod']);
    });

    it('for main branch: returns the latest pact for the main branch of every consumer, Foo 2 and Bob 5', async () => {
      await broker.post('/pacticipants', { name: 'Foo', mainBranch: 'main' });
      await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
      await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'main' });
      const revision = await broker.patch('/pacts/provider/Bar/consumer/Foo/version/2', pact('Foo', 'Bar', ['rev']));
      expect(revision.statusCode).toBe(200);
      await pactBetween(broker, 'Foo', '3', 'Bar', { branch: 'not-main' });
      await broker.post('/pacticipants', { name: 'Bob', mainBranch: 'develop' });
      await pactBetween(broker, 'Bob', '3', 'Bar', { branch: 'develop' });
      await pactBetween(broker, 'Bob', '5', 'Bar', { branch: 'develop' });
      await pactBetween(broker, 'Bob', '6', 'Bar', { branch: 'not-develop' });
      await pactBetween(broker, 'Bob', '6', 'NotBar', { branch: 'not-develop' });
      await pactBetween(broker, 'Waffle', '7', 'NotBar');
      const pacts = await select({ mainBranch: true });
      expect(listed(pacts)).toEqual(['Bob 5: latest from main branch', 'Foo 2: latest from main branch']);
      expect(pacts.find((p) => p.consumer === 'Foo')?.inclusion).toContain(
        "latest version from the main branch 'main' (2)",
      );
      expect(pacts.find((p) => p.consumer === 'Bob')?.inclusion).toContain(
        "latest version from the main branch 'develop' (5)",
      );
    });

    describe('for environment', () => {
      it('when a version is deployed and released: the deployed and released pacts, one pact for all of them', async () => {
        const test = await createEnvironment(broker.app, 'test');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        const gone = (await recordDeployment(broker.app, 'Foo', '1', test)).json().uuid;
        expect((await broker.patch(`/deployed-versions/${gone}`, { currentlyDeployed: false })).statusCode).toBe(200);
        await recordDeployment(broker.app, 'Foo', '1', test, 'deployed', 'ipad-1');
        await recordDeployment(broker.app, 'Foo', '1', test, 'deployed', 'iphone-1');
        await recordDeployment(broker.app, 'Foo', '1', test, 'released');
        const pacts = await select({ environment: 'test' });
        expect(pacts).toHaveLength(1);
        expect(pacts[0]?.versions).toEqual(['1']);
        expect(pacts[0]?.short).toBe('deployed to test, released in test');
      });
    });

    describe('for currently deployed versions', () => {
      it('when there is a version deployed to multiple targets: the same pact for each target, once', async () => {
        const test = await createEnvironment(broker.app, 'test');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        const gone = (await recordDeployment(broker.app, 'Foo', '1', test)).json().uuid;
        await broker.patch(`/deployed-versions/${gone}`, { currentlyDeployed: false });
        await recordDeployment(broker.app, 'Foo', '1', test);
        await recordDeployment(broker.app, 'Foo', '1', test, 'deployed', 'customer-1');
        const pacts = await select({ deployed: true });
        expect(listed(pacts)).toEqual(['Foo 1: deployed to test']);
        expect(pacts[0]?.inclusion).toContain('consumer version(s) currently deployed to test (1)');
      });
    });

    describe('for currently supported releases', () => {
      it('when there are releases that are not currently supported: does not include them, only 2', async () => {
        const test = await createEnvironment(broker.app, 'test');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        const gone = (await recordDeployment(broker.app, 'Foo', '1', test, 'released')).json().uuid;
        expect((await broker.patch(`/released-versions/${gone}`, { currentlySupported: false })).statusCode).toBe(200);
        await pactBetween(broker, 'Foo', '2', 'Bar');
        await recordDeployment(broker.app, 'Foo', '2', test, 'released');
        expect(listed(await select({ released: true }))).toEqual(['Foo 2: released in test']);
      });

      describe('when there are versions deployed to multiple environments', () => {
        async function releases() {
          const test = await createEnvironment(broker.app, 'test');
          const prod = await createEnvironment(broker.app, 'prod');
          await pactBetween(broker, 'Foo', '1', 'Bar');
          await recordDeployment(broker.app, 'Foo', '1', test, 'released');
          // Releasing the version in test again is the same release (a 200): the real spec's data builder makes a
          // second row, which the real dataset answers as one pact for test all the same.
          const again = await broker.post(`/pacticipants/Foo/versions/1/released-versions/environment/${test}`, {});
          expect(again.statusCode).toBe(200);
          await recordDeployment(broker.app, 'Foo', '1', prod, 'released');
        }

        it('when there is no environment name specified: returns them all, prod and test', async () => {
          await releases();
          const pacts = await select({ released: true });
          expect(pacts).toHaveLength(1);
          expect(pacts[0]?.short.split(', ').sort()).toEqual(['released in prod', 'released in test']);
        });

        it('when an environment name is specified: returns only the ones from test', async () => {
          await releases();
          expect(listed(await select({ released: true, environment: 'test' }))).toEqual(['Foo 1: released in test']);
        });
      });
    });
  });
});

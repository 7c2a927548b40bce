import { describe, expect, it } from 'vitest';
import { createEnvironment, recordDeployment } from '../../helpers/broker.ts';
import { pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * Deployed-version selectors POSTed to Bar's pacts-for-verification resource; each pact's consumer version and
 * the environment in its inclusion reason stand for the real spec's resolved selectors.
 */
describe('spec/lib/pact_broker/pacts/repository_find_for_currently_deployed_spec.rb', () => {
  const broker = freshBroker();
  const deployed = (selector: Record<string, unknown>) =>
    pactsFor(broker, { consumerVersionSelectors: [{ deployed: true, ...selector }] });

  /** Foo 1 (no longer deployed), Foo 2 and Waffle 4 in test, and Foo 5 in prod. */
  async function deployments(instances: { foo?: string; waffle?: string } = {}) {
    const test = await createEnvironment(broker.app, 'test');
    await pactBetween(broker, 'Foo', '1', 'Bar');
    const gone = (await recordDeployment(broker.app, 'Foo', '1', test)).json().uuid;
    await broker.patch(`/deployed-versions/${gone}`, { currentlyDeployed: false });
    await pactBetween(broker, 'Foo', '2', 'Bar');
    await recordDeployment(broker.app, 'Foo', '2', test, 'deployed', instances.foo);
    await pactBetween(broker, 'Waffle', '3', 'Bar');
    await pactBetween(broker, 'Waffle', '4', 'Bar');
    await recordDeployment(broker.app, 'Waffle', '4', test, 'deployed', instances.waffle);
    const prod = await createEnvironment(broker.app, 'prod');
    await pactBetween(broker, 'Foo', '5', 'Bar');
    await recordDeployment(broker.app, 'Foo', '5', prod);
  }
  const listed = (pacts: { consumer: string; versions: string[] }[]) => pacts.map((p) => `${p.consumer} ${p.versions}`);

  describe('#find_for_verification', () => {
    it('when currently_deployed is true: returns the pacts for the currently deployed versions', async () => {
      await deployments({ foo: '1', waffle: '2' });
      const pacts = await deployed({});
      expect(listed(pacts).sort()).toEqual(['Foo 2', 'Foo 5', 'Waffle 4']);
      const foo = pacts.find((p) => p.versions.includes('2'));
      expect(foo?.short).toBe('deployed to test');
      expect(foo?.inclusion).toContain('consumer version(s) currently deployed to test (2)');
    });

    it('when currently_deployed is true and an environment is specified', async () => {
      await deployments();
      const pacts = await deployed({ environment: 'test' });
      expect(listed(pacts)).toEqual(['Foo 2', 'Waffle 4']);
      for (const p of pacts) expect(p.short).toBe('deployed to test');
    });

    it('when currently_deployed is true and an environment is and consumer specified', async () => {
      await deployments();
      const pacts = await deployed({ environment: 'test', consumer: 'Foo' });
      expect(listed(pacts)).toEqual(['Foo 2']);
      expect(pacts[0]?.inclusion).toContain('version(s) of Foo currently deployed to test (2)');
    });

    it('when the same version is deployed to multiple environments: one pact with both selectors', async () => {
      const test = await createEnvironment(broker.app, 'test');
      const prod = await createEnvironment(broker.app, 'prod');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await recordDeployment(broker.app, 'Foo', '1', test);
      await recordDeployment(broker.app, 'Foo', '1', prod);
      const pacts = await deployed({});
      expect(pacts).toHaveLength(1);
      // Both selectors, in the order the selections were made (the real broker sorts them by environment name;
      // the messages spec's examples keep the order given, which this broker follows).
      expect(pacts[0]?.short.split(', ').sort()).toEqual(['deployed to prod', 'deployed to test']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createEnvironment, recordDeployment } from '../../helpers/broker.ts';
import { pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * Released-version selectors POSTed to Bar's pacts-for-verification resource; each pact's consumer version and
 * the environment in its inclusion reason stand for the real spec's resolved selectors.
 */
describe('spec/lib/pact_broker/pacts/repository_find_for_currently_supported_releases_spec.rb', () => {
  const broker = freshBroker();
  const released = (selector: Record<string, unknown>) =>
    pactsFor(broker, { consumerVersionSelectors: [{ released: true, ...selector }] });

  /** Foo 1 (no longer supported), Foo 2 and Waffle 4 released in test, and Foo 5 in prod. */
  async function releases() {
    const test = await createEnvironment(broker.app, 'test');
    await pactBetween(broker, 'Foo', '1', 'Bar');
    const gone = (await recordDeployment(broker.app, 'Foo', '1', test, 'released')).json().uuid;
    await broker.patch(`/released-versions/${gone}`, { currentlySupported: false });
    await pactBetween(broker, 'Foo', '2', 'Bar');
    await recordDeployment(broker.app, 'Foo', '2', test, 'released');
    await pactBetween(broker, 'Waffle', '3', 'Bar');
    await pactBetween(broker, 'Waffle', '4', 'Bar');
    await recordDeployment(broker.app, 'Waffle', '4', test, 'released');
    const prod = await createEnvironment(broker.app, 'prod');
    await pactBetween(broker, 'Foo', '5', 'Bar');
    await recordDeployment(broker.app, 'Foo', '5', prod, 'released');
  }
  const listed = (pacts: { consumer: string; versions: string[] }[]) => pacts.map((p) => `${p.consumer} ${p.versions}`);

  describe('#find_for_verification', () => {
    it('when currently_supported is true: returns the pacts for the currently supported versions', async () => {
      await releases();
      const pacts = await released({});
      expect(listed(pacts).sort()).toEqual(['Foo 2', 'Foo 5', 'Waffle 4']);
      const foo = pacts.find((p) => p.versions.includes('2'));
      expect(foo?.short).toBe('released in test');
      expect(foo?.inclusion).toContain('consumer version(s) released and supported in test (2)');
    });

    it('when currently_supported is true and an environment is specified', async () => {
      await releases();
      const pacts = await released({ environment: 'test' });
      expect(listed(pacts)).toEqual(['Foo 2', 'Waffle 4']);
      for (const p of pacts) expect(p.short).toBe('released in test');
    });

    it('when currently_supported is true and an environment is and consumer specified', async () => {
      await releases();
      const pacts = await released({ environment: 'test', consumer: 'Foo' });
      expect(listed(pacts)).toEqual(['Foo 2']);
      expect(pacts[0]?.inclusion).toContain('version(s) of Foo released and supported in test (2)');
    });

    it('when the same version is supported in multiple environments: one pact with both selectors', async () => {
      const test = await createEnvironment(broker.app, 'test');
      const prod = await createEnvironment(broker.app, 'prod');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await recordDeployment(broker.app, 'Foo', '1', test, 'released');
      await recordDeployment(broker.app, 'Foo', '1', prod, 'released');
      const pacts = await released({});
      expect(pacts).toHaveLength(1);
      // Both selectors, in the order the selections were made (the real broker sorts them by environment name;
      // the messages spec's examples keep the order given, which this broker follows).
      expect(pacts[0]?.short.split(', ').sort()).toEqual(['released in prod', 'released in test']);
    });
  });
});

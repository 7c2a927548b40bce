import { describe, expect, it } from 'vitest';
import { createEnvironment, recordDeployment } from '../../helpers/broker.ts';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/** `Service.can_i_deploy(selectors, environment_name: …)` is `GET /matrix` with `environment`. */
describe('spec/lib/pact_broker/matrix/integration_environment_spec.rb', () => {
  const broker = freshBroker();
  const deployable = async (versions: Record<string, string>, options: string) =>
    (await matrix(broker, `${selectors(versions)}&${options}`)).body.summary.deployable;
  const cvpv = (environment: string) => `latestby=cvpv&environment=${environment}`;

  describe('find with environments', () => {
    it('when there is a successful verification between the provider in test environment and the consumer to be deployed: allows the consumer to be deployed', async () => {
      const test = await createEnvironment(broker.app, 'test');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2');
      await recordDeployment(broker.app, 'Bar', '2', test);
      await verification(broker, 'Foo', '1', 'Bar', '3', { success: false });
      expect(await deployable({ Foo: '1' }, cvpv('test'))).toBe(true);
    });

    it('when there is an unsuccessful verification between the provider in test environment and the consumer to be deployed: does not allow the consumer to be deployed', async () => {
      const test = await createEnvironment(broker.app, 'test');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2', { success: false });
      await recordDeployment(broker.app, 'Bar', '2', test);
      await verification(broker, 'Foo', '1', 'Bar', '3');
      expect(await deployable({ Foo: '1' }, cvpv('test'))).not.toBe(true);
    });

    it('when the provider has not been deployed to the given environment: does not allow the consumer to be deployed', async () => {
      await createEnvironment(broker.app, 'test');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2');
      expect(await deployable({ Foo: '1' }, cvpv('test'))).not.toBe(true);
    });

    it('when the consumer has not been deployed to the given environment: allows the provider to be deployed', async () => {
      await createEnvironment(broker.app, 'test');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2');
      expect(await deployable({ Bar: '2' }, cvpv('test'))).toBe(true);
    });

    describe('when deploying a version of a provider with multiple versions of a consumer in production', () => {
      const setUp = async () => {
        const prod = await createEnvironment(broker.app, 'prod');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await recordDeployment(broker.app, 'Foo', '1', prod, 'deployed', '1');
        await verification(broker, 'Foo', '1', 'Bar', '10');
        await pactBetween(broker, 'Foo', '2', 'Bar');
        await recordDeployment(broker.app, 'Foo', '2', prod, 'deployed', '2');
      };

      it('knows that there are multiple versions of the consumer in production', async () => {
        await setUp();
        // This broker names no resolved selector "one of many"; what shows is a row for each prod version.
        const { rows } = await matrix(broker, `${selectors({ Bar: '10' })}&environment=prod`);
        expect(rows.sort()).toEqual(['Foo1 Bar10 n1', 'Foo2 Bar? n?']);
      });

      it('when a verification for the latest prod version is missing: does not allow the provider to be deployed', async () => {
        await setUp();
        expect(await deployable({ Bar: '10' }, 'environment=prod')).not.toBe(true);
      });

      it('when there is a successful verification for every prod version of the consumer: does allow the provider to be deployed', async () => {
        await setUp();
        await verification(broker, 'Foo', '2', 'Bar', '10');
        expect(await deployable({ Bar: '10' }, 'environment=prod')).toBe(true);
      });
    });

    describe('when deploying a version of a consumer with multiple versions of a provider in production', () => {
      const setUp = async () => {
        const prod = await createEnvironment(broker.app, 'prod');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '10');
        await recordDeployment(broker.app, 'Bar', '10', prod, 'deployed', '1');
        await pactBetween(broker, 'Foo', '2', 'Bar');
        expect((await broker.put('/pacticipants/Bar/versions/11', {})).statusCode).toBeLessThan(300);
        await recordDeployment(broker.app, 'Bar', '11', prod, 'deployed', '2');
      };

      it('knows that there are multiple versions of the provider in production', async () => {
        await setUp();
        // This broker names no resolved selector "one of many", and Foo 2's pact, verified by neither prod version
        // of Bar, is one row without a provider version.
        const { rows } = await matrix(broker, `${selectors({ Foo: '2' })}&environment=prod`);
        expect(rows).toEqual(['Foo2 Bar? n?']);
      });

      it('when a verification for the latest prod version is missing: does not allow the consumer to be deployed', async () => {
        await setUp();
        expect(await deployable({ Foo: '2' }, 'environment=prod')).not.toBe(true);
      });

      it('when there is a successful verification for every prod version of the consumer: does allow the consumer to be deployed', async () => {
        await setUp();
        await verification(broker, 'Foo', '2', 'Bar', '11');
        expect(await deployable({ Foo: '2' }, 'environment=prod')).toBe(true);
      });
    });

    describe('when deploying a consumer with multiple versions of a provider released to production (latestby cvpv)', () => {
      it('when an older released provider version has a failing verification: does not allow the consumer to be deployed', async () => {
        const prod = await createEnvironment(broker.app, 'prod');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '10', { success: false });
        await recordDeployment(broker.app, 'Bar', '10', prod, 'released');
        await verification(broker, 'Foo', '1', 'Bar', '11');
        await recordDeployment(broker.app, 'Bar', '11', prod, 'released');
        expect(await deployable({ Foo: '1' }, cvpv('prod'))).not.toBe(true);
      });

      it('when every released provider version has a successful verification: allows the consumer to be deployed', async () => {
        const prod = await createEnvironment(broker.app, 'prod');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '10');
        await recordDeployment(broker.app, 'Bar', '10', prod, 'released');
        await verification(broker, 'Foo', '1', 'Bar', '11');
        await recordDeployment(broker.app, 'Bar', '11', prod, 'released');
        expect(await deployable({ Foo: '1' }, cvpv('prod'))).toBe(true);
      });
    });

    describe('when deploying a consumer with multiple versions of a provider deployed to production on different targets (latestby cvpv)', () => {
      it('when an older targeted deployment has a failing verification: does not allow the consumer to be deployed', async () => {
        const prod = await createEnvironment(broker.app, 'prod');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '10', { success: false });
        await recordDeployment(broker.app, 'Bar', '10', prod, 'deployed', 'instance-1');
        await verification(broker, 'Foo', '1', 'Bar', '11');
        await recordDeployment(broker.app, 'Bar', '11', prod, 'deployed', 'instance-2');
        expect(await deployable({ Foo: '1' }, cvpv('prod'))).not.toBe(true);
      });

      it('when every targeted deployment has a successful verification: allows the consumer to be deployed', async () => {
        const prod = await createEnvironment(broker.app, 'prod');
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '10');
        await recordDeployment(broker.app, 'Bar', '10', prod, 'deployed', 'instance-1');
        await verification(broker, 'Foo', '1', 'Bar', '11');
        await recordDeployment(broker.app, 'Bar', '11', prod, 'deployed', 'instance-2');
        expect(await deployable({ Foo: '1' }, cvpv('prod'))).toBe(true);
      });
    });

    it('when a version is deployed without a target and then replaced by a redeployment (latestby cvpv): only considers the currently deployed version and allows the consumer to be deployed', async () => {
      const prod = await createEnvironment(broker.app, 'prod');
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '10', { success: false });
      await recordDeployment(broker.app, 'Bar', '10', prod);
      await verification(broker, 'Foo', '1', 'Bar', '11');
      await recordDeployment(broker.app, 'Bar', '11', prod);
      expect(await deployable({ Foo: '1' }, cvpv('prod'))).toBe(true);
    });
  });
});

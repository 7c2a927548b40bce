import { describe, expect, it } from 'vitest';
import { createEnvironment, publish, recordDeployment, verifyPact } from '../../helpers/broker.ts';
import { type Client, freshBroker, HAL } from '../support.ts';

const hal = { accept: 'application/hal+json' };

async function matrixOf(broker: Client, url: string) {
  const response = await broker.get(url, hal);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe(HAL);
  return response.json();
}

/**
 * Waffle 1 has a pact with Pancake; Pancake 10 and 11 verified it with the given outcomes, and each was then
 * recorded in production as `kind` (on the given application instances, when deployed).
 */
async function pancakesInProduction(
  broker: Client,
  outcomes: [boolean, boolean],
  kind: 'deployed' | 'released',
  instances: [string | undefined, string | undefined] = [undefined, undefined],
) {
  const production = await createEnvironment(broker.app, 'production', true);
  await publish(broker.app, { consumer: 'Waffle', version: '1', provider: 'Pancake' });
  for (const [i, providerVersion] of (['10', '11'] as const).entries()) {
    const success = outcomes[i] as boolean;
    await verifyPact(broker.app, {
      provider: 'Pancake',
      consumer: 'Waffle',
      consumerVersion: '1',
      providerVersion,
      success,
    });
    await recordDeployment(broker.app, 'Pancake', providerVersion, production, kind, instances[i]);
  }
}

const WAFFLE_TO_PRODUCTION = '/can-i-deploy?pacticipant=Waffle&version=1&environment=production';

describe('spec/features/can_i_deploy_spec.rb', () => {
  const broker = freshBroker();
  const setUp = async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1.2.3', provider: 'Bar', tags: ['dev'], branch: 'main' });
    await createEnvironment(broker.app, 'prod');
  };

  it('returns the matrix response', async () => {
    await setUp();
    expect((await matrixOf(broker, '/can-i-deploy?pacticipant=Foo&version=1.2.3&to=prod')).matrix).toBeInstanceOf(
      Array,
    );
  });

  describe('using the URL format for tags', () => {
    it('returns the matrix response', async () => {
      await setUp();
      const body = await matrixOf(broker, '/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod');
      expect(body.matrix).toHaveLength(1);
      expect(body.matrix[0].consumer.version.number).toBe('1.2.3');
    });

    it('the badge: returns a redirect URL — here the badge itself, naming the tag and the target', async () => {
      await setUp();
      const response = await broker.get('/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod/badge');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('image/svg+xml');
      expect(response.body).toMatch(/dev/);
      expect(response.body).toMatch(/prod/);
    });
  });

  describe('using the URL format for branch/environment', () => {
    it('returns the matrix response', async () => {
      await setUp();
      const body = await matrixOf(
        broker,
        '/pacticipants/Foo/branches/main/latest-version/can-i-deploy/to-environment/prod',
      );
      expect(body.matrix).toHaveLength(1);
      expect(body.matrix[0].consumer.version.number).toBe('1.2.3');
    });

    it('the badge: returns a redirect URL — here the badge itself, naming the branch and the environment', async () => {
      await setUp();
      const response = await broker.get(
        '/pacticipants/Foo/branches/main/latest-version/can-i-deploy/to-environment/prod/badge',
      );
      expect(response.statusCode).toBe(200);
      expect(response.body).toMatch(/main/);
      expect(response.body).toMatch(/prod/);
    });
  });

  it('with a validation error: returns an error response', async () => {
    await setUp();
    const response = await broker.get('/can-i-deploy', hal);
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().errors).sort()).toEqual(['environment', 'pacticipant', 'version']);
  });

  it('when multiple versions of the provider are released to an environment and an older one is incompatible: returns a row for every released provider version and is not deployable', async () => {
    await pancakesInProduction(broker, [false, true], 'released');
    const body = await matrixOf(broker, WAFFLE_TO_PRODUCTION);
    expect(body.matrix).toHaveLength(2);
    expect(body.summary.deployable).toBe(false);
  });

  it('when multiple versions of the provider are released to an environment and all are compatible: returns a row for every released provider version and is deployable', async () => {
    await pancakesInProduction(broker, [true, true], 'released');
    const body = await matrixOf(broker, WAFFLE_TO_PRODUCTION);
    expect(body.matrix).toHaveLength(2);
    expect(body.summary.deployable).toBe(true);
  });

  it('when multiple versions of the provider are deployed to an environment on different application instances and all are compatible: returns a row for every deployed provider version and is deployable', async () => {
    await pancakesInProduction(broker, [true, true], 'deployed', ['instance-1', 'instance-2']);
    const body = await matrixOf(broker, WAFFLE_TO_PRODUCTION);
    expect(body.matrix).toHaveLength(2);
    expect(body.summary.deployable).toBe(true);
  });

  it('when multiple versions of the provider are deployed to an environment on different application instances and one is incompatible: returns a row for every deployed provider version and is not deployable', async () => {
    await pancakesInProduction(broker, [false, true], 'deployed', ['instance-1', 'instance-2']);
    const body = await matrixOf(broker, WAFFLE_TO_PRODUCTION);
    expect(body.matrix).toHaveLength(2);
    expect(body.summary.deployable).toBe(false);
  });

  it('when a single version of the provider is deployed to an environment without an application instance and is incompatible: is not deployable', async () => {
    const production = await createEnvironment(broker.app, 'production', true);
    await publish(broker.app, { consumer: 'Waffle', version: '1', provider: 'Pancake' });
    await verifyPact(broker.app, {
      provider: 'Pancake',
      consumer: 'Waffle',
      consumerVersion: '1',
      providerVersion: '10',
      success: false,
    });
    await recordDeployment(broker.app, 'Pancake', '10', production);
    const body = await matrixOf(broker, WAFFLE_TO_PRODUCTION);
    expect(body.matrix).toHaveLength(1);
    expect(body.summary.deployable).toBe(false);
  });

  it('when multiple versions of the provider are deployed to an environment and last is incompatible: only considers the currently deployed version (the redeployment replaced the previous one) and is not deployable', async () => {
    await pancakesInProduction(broker, [true, false], 'deployed');
    const body = await matrixOf(broker, WAFFLE_TO_PRODUCTION);
    expect(body.matrix).toHaveLength(1);
    expect(body.matrix[0].provider.version.number).toBe('11');
    expect(body.summary.deployable).toBe(false);
  });

  it('when multiple versions of the provider are deployed to an environment and last is compatible: only considers the currently deployed version (the redeployment replaced the previous one) and is deployable', async () => {
    await pancakesInProduction(broker, [false, true], 'deployed');
    const body = await matrixOf(broker, WAFFLE_TO_PRODUCTION);
    expect(body.matrix).toHaveLength(1);
    expect(body.matrix[0].provider.version.number).toBe('11');
    expect(body.summary.deployable).toBe(true);
  });
});

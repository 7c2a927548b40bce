import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment, publish, recordDeployment, testBroker } from '../helpers/broker.ts';

describe('environments, deployments and releases', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await testBroker();
  });
  afterEach(() => app.close());

  it('creates, lists, reads, updates and deletes environments', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/environments',
      payload: {
        name: 'test',
        displayName: 'Test',
        production: false,
        contacts: [{ name: 'Foo team', details: { emailAddress: 'foo@bar.com' } }],
      },
    });
    expect(created.statusCode).toBe(201);
    const environment = created.json();
    expect(environment).toMatchObject({
      name: 'test',
      displayName: 'Test',
      production: false,
      contacts: [{ name: 'Foo team', details: { emailAddress: 'foo@bar.com' } }],
    });
    expect(environment.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(environment._links['pb:currently-deployed-deployed-versions'].href).toBe(
      `http://broker.test/environments/${environment.uuid}/deployed-versions/currently-deployed`,
    );

    const list = (await app.inject('/environments')).json();
    expect(list._embedded.environments.map((e: { name: string }) => e.name)).toEqual(['test']);
    expect(list._links['pb:environments']).toEqual([
      { href: `http://broker.test/environments/${environment.uuid}`, title: 'Environment', name: 'test' },
    ]);
    expect((await app.inject('/environments?name=nope')).json()._embedded.environments).toEqual([]);

    const updated = await app.inject({
      method: 'PUT',
      url: `/environments/${environment.uuid}`,
      payload: { name: 'test', displayName: 'Testing', production: true },
    });
    expect(updated.json()).toMatchObject({ displayName: 'Testing', production: true });
    expect((await app.inject(`/environments/${environment.uuid}`)).json().displayName).toBe('Testing');

    expect((await app.inject({ method: 'DELETE', url: `/environments/${environment.uuid}` })).statusCode).toBe(204);
    expect((await app.inject(`/environments/${environment.uuid}`)).statusCode).toBe(404);
  });

  it('creates an environment with a given uuid by POST; a PUT only replaces one', async () => {
    const uuid = '16926ef3-590f-4e3f-838e-719717aa88c9';
    const post = await app.inject({
      method: 'POST',
      url: '/environments',
      payload: { name: 'a', production: false, uuid },
    });
    expect(post.json().uuid).toBe(uuid);
    const put = await app.inject({
      method: 'PUT',
      url: '/environments/cb632df3-0a0d-4227-aac3-60114dd36479',
      payload: { name: 'b', production: true },
    });
    expect(put.statusCode).toBe(404);
    expect(put.json().code).toBe('BROKER_ENVIRONMENT_NOT_FOUND');
  });

  it('validates environments', async () => {
    await createEnvironment(app, 'prod');
    const duplicate = await app.inject({
      method: 'POST',
      url: '/environments',
      payload: { name: 'prod', production: true },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(Object.keys(duplicate.json().errors)).toEqual(['name']);
    const bad = await app.inject({
      method: 'POST',
      url: '/environments',
      payload: { name: 'has space', production: 'yes' },
    });
    expect(bad.json().errors).toEqual({ name: ['cannot contain spaces'], production: ['must be boolean'] });
  });

  it('records deployments per application instance, replacing the previous version there', async () => {
    const prod = await createEnvironment(app, 'prod', true);
    for (const v of ['1', '2', '3']) await publish(app, { consumer: 'Foo', version: v });
    const first = await recordDeployment(app, 'Foo', '1', prod);
    // No instance: neither member, as the real broker renders it.
    expect(first.json()).toMatchObject({ currentlyDeployed: true });
    expect(first.json()).not.toHaveProperty('applicationInstance');
    expect(first.json()).not.toHaveProperty('target');
    expect(first.json()._embedded.version.number).toBe('1');
    const again = await recordDeployment(app, 'Foo', '1', prod);
    expect(again.json().uuid).toBe(first.json().uuid);
    await recordDeployment(app, 'Foo', '2', prod);
    await recordDeployment(app, 'Foo', '3', prod, 'deployed', 'customer-1');

    const current = (
      await app.inject(`/environments/${prod}/deployed-versions/currently-deployed?pacticipant=Foo`)
    ).json();
    expect(
      current._embedded.deployedVersions.map(
        (d: { _embedded: { version: { number: string } }; applicationInstance: string | null }) => [
          d._embedded.version.number,
          d.applicationInstance ?? null,
        ],
      ),
    ).toEqual([
      ['2', null],
      ['3', 'customer-1'],
    ]);
    const instance = (
      await app.inject(
        `/environments/${prod}/deployed-versions/currently-deployed?pacticipant=Foo&applicationInstance=customer-1`,
      )
    ).json();
    expect(instance._embedded.deployedVersions).toHaveLength(1);
    expect(
      (await app.inject(`/environments/${prod}/deployed-versions/currently-deployed?pacticipant=Nobody`)).json()
        ._embedded.deployedVersions,
    ).toEqual([]);

    const undeploy = await app.inject({
      method: 'PATCH',
      url: `/deployed-versions/${instance._embedded.deployedVersions[0].uuid}`,
      headers: { 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ currentlyDeployed: false }),
    });
    expect(undeploy.statusCode).toBe(200);
    expect(undeploy.json()).toMatchObject({ currentlyDeployed: false, _embedded: { version: { number: '3' } } });
    expect(undeploy.json().undeployedAt).toMatch(/^\d{4}-/);
    const redeploy = await app.inject({
      method: 'PATCH',
      url: `/deployed-versions/${instance._embedded.deployedVersions[0].uuid}`,
      payload: { currentlyDeployed: true },
    });
    // The real broker's answer: 422, the field named in `errors`.
    expect(redeploy.statusCode).toBe(422);
    expect(redeploy.json().code).toBe('BROKER_IRREVERSIBLE_CHANGE');
  });

  it('records releases, many supported at once, and ends support', async () => {
    const store = await createEnvironment(app, 'app-store', true);
    for (const v of ['1', '2']) await publish(app, { consumer: 'Foo', version: v });
    await recordDeployment(app, 'Foo', '1', store, 'released');
    const second = await recordDeployment(app, 'Foo', '2', store, 'released');
    const list = (await app.inject(`/environments/${store}/released-versions/currently-supported`)).json();
    expect(
      list._embedded.releasedVersions.map(
        (r: { _embedded: { version: { number: string } } }) => r._embedded.version.number,
      ),
    ).toEqual(['1', '2']);
    const ended = await app.inject({
      method: 'PATCH',
      url: `/released-versions/${second.json().uuid}`,
      payload: { currentlySupported: false },
    });
    expect(ended.json()).toMatchObject({ currentlySupported: false });
    expect((await app.inject(`/released-versions/${second.json().uuid}`)).json().currentlySupported).toBe(false);
    expect(
      (await app.inject(`/environments/${store}/released-versions/currently-supported?pacticipant=Foo`)).json()
        ._embedded.releasedVersions,
    ).toHaveLength(1);
  });

  it('offers record-deployment and record-release links per environment on the version', async () => {
    const test = await createEnvironment(app, 'test');
    await createEnvironment(app, 'prod', true);
    await publish(app, { consumer: 'Foo', version: '1' });
    const version = (await app.inject('/pacticipants/Foo/versions/1')).json();
    expect(version._links['pb:record-deployment'].map((l: { name: string }) => l.name)).toEqual(['prod', 'test']);
    expect(version._links['pb:record-release'][1]).toEqual({
      href: `http://broker.test/pacticipants/Foo/versions/1/released-versions/environment/${test}`,
      title: 'Record release to test',
      name: 'test',
    });
  });

  it('answers 404 for unknown versions, environments and deployments', async () => {
    const prod = await createEnvironment(app, 'prod');
    const missingVersion = await app.inject({
      method: 'POST',
      url: `/pacticipants/Foo/versions/1/deployed-versions/environment/${prod}`,
      payload: {},
    });
    expect(missingVersion.json().code).toBe('BROKER_VERSION_NOT_FOUND');
    await publish(app, { consumer: 'Foo', version: '1' });
    const missingEnvironment = await app.inject({
      method: 'POST',
      url: '/pacticipants/Foo/versions/1/released-versions/environment/00000000-0000-0000-0000-000000000000',
      payload: {},
    });
    expect(missingEnvironment.json().code).toBe('BROKER_ENVIRONMENT_NOT_FOUND');
    expect((await app.inject('/deployed-versions/nope')).json().code).toBe('BROKER_DEPLOYED_VERSION_NOT_FOUND');
    expect((await app.inject('/released-versions/nope')).json().code).toBe('BROKER_RELEASED_VERSION_NOT_FOUND');
  });
});

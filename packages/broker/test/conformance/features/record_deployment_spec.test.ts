import { beforeEach, describe, expect, it } from 'vitest';
import { BASE, path, recordDeployment } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/record_deployment_spec.rb', () => {
  const broker = freshBroker();
  let test: string;

  beforeEach(async () => {
    test = (await broker.post('/environments', { name: 'test', production: false })).json().uuid;
    await broker.put('/pacticipants/Foo/versions/1');
    await recordDeployment(broker.app, 'Foo', '1', test);
    await broker.put('/pacticipants/Foo/versions/2');
  });

  /** The href the version resource gives for recording a deployment to `test`, as the CLI follows it. */
  const recordUrl = async () => {
    const links = (await broker.get('/pacticipants/Foo/versions/2')).json()._links['pb:record-deployment'];
    return path(links.find((l: { name: string }) => l.name === 'test').href);
  };
  const record = async (body?: unknown) =>
    broker.app.inject({
      method: 'POST',
      url: await recordUrl(),
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  type Deployed = { uuid: string; currentlyDeployed: boolean };
  const deploymentsOf = async (version: string): Promise<Deployed[]> =>
    (await broker.get(`/pacticipants/Foo/versions/${version}/deployed-versions/environment/${test}`)).json()._embedded
      .deployedVersions;
  const all = async () => {
    const versions = (await broker.get('/pacticipants/Foo/versions')).json()._embedded.versions;
    return (await Promise.all(versions.map((v: { number: string }) => deploymentsOf(v.number)))).flat();
  };
  const current = async () => (await all()).filter((d) => d.currentlyDeployed);
  const undeployed = async () => (await all()).filter((d) => !d.currentlyDeployed);

  it('is a HAL JSON created response', async () => {
    const response = await record({ applicationInstance: null });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the Location header', async () => {
    const response = await record({ applicationInstance: null });
    expect(response.headers.location).toBe(`${BASE}/deployed-versions/${response.json().uuid}`);
  });

  it('returns the newly created deployment', async () => {
    const body = (await record({ applicationInstance: null })).json();
    expect(body.currentlyDeployed).toBe(true);
    expect(body).not.toHaveProperty('target');
    expect(body).not.toHaveProperty('applicationInstance');
    expect(body).not.toHaveProperty('application_instance');
  });

  it('creates a new deployed version', async () => {
    await record({ applicationInstance: null });
    expect(await all()).toHaveLength(2);
  });

  it('marks the previous deployment as not currently deployed', async () => {
    await record({ applicationInstance: null });
    expect(await undeployed()).toHaveLength(1);
    expect((await deploymentsOf('1'))[0]?.currentlyDeployed).toBe(false);
  });

  it('does not change the overall count of currently deployed versions', async () => {
    await record({ applicationInstance: null });
    expect(await current()).toHaveLength(1);
  });

  describe('when the version is already currently deployed to the environment and target', () => {
    let existing: string;
    beforeEach(async () => {
      existing = (await recordDeployment(broker.app, 'Foo', '2', test)).json().uuid;
    });

    it('does not mark anything as undeployed', async () => {
      const before = (await undeployed()).map((d) => d.uuid);
      await record({ applicationInstance: null });
      expect((await undeployed()).map((d) => d.uuid)).toEqual(before);
    });

    it('returns the existing deployed version', async () => {
      expect((await record({ applicationInstance: null })).json().uuid).toBe(existing);
    });
  });

  describe("when the version was previously deployed to the environment and target but isn't any more", () => {
    it('creates a new deployed version', async () => {
      await recordDeployment(broker.app, 'Foo', '2', test);
      await broker.put('/pacticipants/Foo/versions/3');
      await recordDeployment(broker.app, 'Foo', '3', test);
      const before = (await all()).length;
      const response = await record({ applicationInstance: null });
      expect(response.statusCode).toBe(201);
      expect(await all()).toHaveLength(before + 1);
      expect(await deploymentsOf('2')).toHaveLength(2);
    });
  });

  it('with an empty body: is a HAL JSON created response', async () => {
    const response = await record();
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
  });

  describe('when the deployment is to a different application instance', () => {
    it('creates a new deployed version', async () => {
      await record({ applicationInstance: 'foo' });
      expect(await current()).toHaveLength(2);
    });

    it('sets the applicationInstance', async () => {
      expect((await record({ applicationInstance: 'foo' })).json().applicationInstance).toBe('foo');
    });
  });

  describe('when the deployment is to a different target (deprecated)', () => {
    it('creates a new deployed version', async () => {
      await record({ target: 'foo' });
      expect(await current()).toHaveLength(2);
    });

    it('sets the target', async () => {
      expect((await record({ target: 'foo' })).json().target).toBe('foo');
    });
  });
});

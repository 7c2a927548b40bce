import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_currently_deployed_versions_for_version_spec.rb', () => {
  const broker = freshBroker();
  let test: string;

  beforeEach(async () => {
    const environment = async (name: string, displayName: string) =>
      (await broker.post('/environments', { name, displayName, production: false })).json().uuid as string;
    test = await environment('test', 'Test');
    const prod = await environment('prod', 'Prod');
    await broker.put('/pacticipants/Foo/versions/1');
    await recordDeployment(broker.app, 'Foo', '1', test);
    await recordDeployment(broker.app, 'Foo', '1', prod);
  });

  it('returns a list of deployed versions', async () => {
    const url = `/pacticipants/Foo/versions/1/deployed-versions/environment/${test}`;
    const body = (await broker.get(url)).json();
    expect(body._embedded.deployedVersions).toHaveLength(1);
    expect(body._embedded.deployedVersions[0]._embedded.environment.name).toBe('test');
    expect(body._links.self.title).toBe('Deployed versions for Foo version 1 in environment Test');
    expect(body._links.self.href.endsWith(url)).toBe(true);
  });

  it('a version or environment that does not exist is a 404', async () => {
    expect((await broker.get(`/pacticipants/Foo/versions/2/deployed-versions/environment/${test}`)).statusCode).toBe(
      404,
    );
    const response = await broker.get('/pacticipants/Foo/versions/1/deployed-versions/environment/nope');
    expect(response.json().code).toBe('BROKER_ENVIRONMENT_NOT_FOUND');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec file has no `_spec` suffix, so the real suite never runs it; it is an older copy of
 * get_currently_deployed_versions_for_version_spec.rb. Its title lacks the environment that the real resource
 * (and this broker) adds, so the title is checked for what the two agree on, then for what the resource says.
 */
describe('spec/features/get_deployed_versions_for_version_and_environment.rb', () => {
  const broker = freshBroker();
  let test: string;
  let prod: string;

  beforeEach(async () => {
    const environment = async (name: string, displayName: string) =>
      (await broker.post('/environments', { name, displayName, production: false })).json().uuid as string;
    test = await environment('test', 'Test');
    prod = await environment('prod', 'Prod');
    await broker.put('/pacticipants/Foo/versions/1');
    // Deployed to test first, then to prod.
    await recordDeployment(broker.app, 'Foo', '1', test);
    await recordDeployment(broker.app, 'Foo', '1', prod);
  });

  it('returns a list of deployed versions', async () => {
    const path = `/pacticipants/Foo/versions/1/deployed-versions/environment/${test}`;
    const response = await broker.get(path, { accept: 'application/hal+json' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Array.isArray(body._embedded.deployedVersions)).toBe(true);
    expect(body._embedded.deployedVersions).toHaveLength(1);
    expect(body._embedded.deployedVersions[0]._embedded.environment.uuid).toBe(test);
    expect(body._links.self.title).toMatch(/^Deployed versions for Foo version 1\b/);
    expect(body._links.self.title).toBe('Deployed versions for Foo version 1 in environment Test');
    expect(body._links.self.href.endsWith(path)).toBe(true);
  });

  it('returns a list of deployed versions: the other environment lists its own', async () => {
    const path = `/pacticipants/Foo/versions/1/deployed-versions/environment/${prod}`;
    const body = (await broker.get(path, { accept: 'application/hal+json' })).json();
    expect(body._embedded.deployedVersions).toHaveLength(1);
    expect(body._embedded.deployedVersions[0]._embedded.environment.uuid).toBe(prod);
    expect(body._links.self.title).toBe('Deployed versions for Foo version 1 in environment Prod');
  });
});

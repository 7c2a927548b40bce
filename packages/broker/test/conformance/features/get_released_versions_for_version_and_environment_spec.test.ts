import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_released_versions_for_version_and_environment_spec.rb', () => {
  const broker = freshBroker();
  let test: string;

  beforeEach(async () => {
    const environment = async (name: string, displayName: string) =>
      (await broker.post('/environments', { name, displayName, production: false })).json().uuid as string;
    test = await environment('test', 'Test');
    const prod = await environment('prod', 'Prod');
    await broker.put('/pacticipants/Foo/versions/1');
    await recordDeployment(broker.app, 'Foo', '1', test, 'released');
    await recordDeployment(broker.app, 'Foo', '1', prod);
  });

  it('returns a list of released versions', async () => {
    const url = `/pacticipants/Foo/versions/1/released-versions/environment/${test}`;
    const body = (await broker.get(url)).json();
    expect(body._embedded.releasedVersions).toHaveLength(1);
    expect(body._embedded.releasedVersions[0].currentlySupported).toBe(true);
    expect(body._links.self.title).toBe('Released versions for Foo version 1 in Test');
    expect(body._links.self.href.endsWith(url)).toBe(true);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_currently_supported_versions_for_environment_spec.rb', () => {
  const broker = freshBroker();
  let test: string;

  beforeEach(async () => {
    const environment = async (name: string, displayName: string) =>
      (await broker.post('/environments', { name, displayName, production: false })).json().uuid as string;
    test = await environment('test', 'Test');
    const prod = await environment('prod', 'Prod');
    for (const [pacticipant, version] of [
      ['Foo', '1'],
      ['Bar', '4'],
      ['Bar', '5'],
    ]) {
      await broker.put(`/pacticipants/${pacticipant}/versions/${version}`, {});
    }
    await recordDeployment(broker.app, 'Foo', '1', test, 'released');
    await recordDeployment(broker.app, 'Foo', '1', prod, 'released');
    await recordDeployment(broker.app, 'Bar', '4', test, 'released');
    await recordDeployment(broker.app, 'Bar', '5', test, 'released');
  });

  const supported = async (query = '') =>
    (await broker.get(`/environments/${test}/released-versions/currently-supported${query}`)).json();
  const numbers = (body: { _embedded: { releasedVersions: { _embedded: { version: { number: string } } }[] } }) =>
    body._embedded.releasedVersions.map((r) => r._embedded.version.number);

  it('returns a list of released versions', async () => {
    const body = await supported();
    expect(numbers(body)).toHaveLength(3);
    expect(body._links.self.title).toBe('Currently supported versions in Test');
    expect(body._links.self.href).toMatch(new RegExp(`/environments/${test}/released-versions/currently-supported$`));
  });

  it('with query params, with a pacticipant name and version: returns a list of matching released versions', async () => {
    expect(numbers(await supported('?pacticipant=Bar&version=4'))).toEqual(['4']);
  });

  it('with query params, with pacticipant name and no version: returns a list of matching released versions', async () => {
    expect(numbers(await supported('?pacticipant=Bar'))).toEqual(['4', '5']);
  });

  it('with query params, with no matching versions: returns an empty list', async () => {
    expect(numbers(await supported('?pacticipant=waffle'))).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_currently_deployed_versions_for_environment_spec.rb', () => {
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
      await broker.put(`/pacticipants/${pacticipant}/versions/${version}`);
    }
    await recordDeployment(broker.app, 'Foo', '1', test, 'deployed', 'customer-1');
    await recordDeployment(broker.app, 'Foo', '1', prod);
    await recordDeployment(broker.app, 'Bar', '4', test, 'deployed', 'customer-1');
    await recordDeployment(broker.app, 'Bar', '5', test);
  });

  const deployed = async (query = '') =>
    (await broker.get(`/environments/${test}/deployed-versions/currently-deployed${query}`)).json();
  const numbers = (body: { _embedded: { deployedVersions: { _embedded: { version: { number: string } } }[] } }) =>
    body._embedded.deployedVersions.map((d) => d._embedded.version.number);

  it('returns a list of deployed versions', async () => {
    const body = await deployed();
    expect(numbers(body)).toEqual(['1', '4', '5']);
    expect(body._links.self.title).toBe('Currently deployed versions for Test');
    expect(body._links.self.href).toMatch(new RegExp(`/environments/${test}/deployed-versions/currently-deployed$`));
  });

  describe('with query params', () => {
    it('with a pacticipant name and applicationInstance: returns a list of matching deployed versions', async () => {
      expect(numbers(await deployed('?pacticipant=Bar&applicationInstance=customer-1'))).toEqual(['4']);
    });

    it('with pacticipant name and a blank applicationInstance: returns a list of matching deployed versions', async () => {
      expect(numbers(await deployed('?pacticipant=Bar&applicationInstance='))).toEqual(['5']);
    });

    it('with pacticipant name and no target or applicationInstance: returns a list of matching deployed versions', async () => {
      expect(numbers(await deployed('?pacticipant=Bar'))).toEqual(['4', '5']);
    });

    it('with a pacticipant name and target (deprecated): returns a list of matching deployed versions', async () => {
      expect(numbers(await deployed('?pacticipant=Bar&target=customer-1'))).toEqual(['4']);
    });

    it('with pacticipant name and a blank target (deprecated): returns a list of matching deployed versions', async () => {
      expect(numbers(await deployed('?pacticipant=Bar&target='))).toEqual(['5']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_environment_versions_spec.rb', () => {
  const broker = freshBroker();
  const production = 'aaaaaaaa-0000-0000-0000-000000000000';
  const url = `/pacticipants/Foo/environments/${production}/versions`;

  const seed = async () => {
    await broker.post('/environments', { name: 'production', production: true, uuid: production });
    await broker.put('/pacticipants/Foo');
    await broker.post('/pacticipants', { name: 'Foo' });
  };
  const staging = async () => (await broker.post('/environments', { name: 'staging', production: false })).json().uuid;
  const version = (number: string) => broker.put(`/pacticipants/Foo/versions/${number}`);
  type Listed = { number: string; _links: Record<string, unknown[]> };
  const listed = async (): Promise<Listed[]> => (await broker.get(url)).json()._embedded.versions;

  it('when the environment does not exist: returns 404', async () => {
    await seed();
    const response = await broker.get('/pacticipants/Foo/environments/bbbbbbbb-0000-0000-0000-000000000000/versions');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_ENVIRONMENT_NOT_FOUND');
  });

  it('when the pacticipant does not exist: returns 404', async () => {
    await seed();
    const response = await broker.get(`/pacticipants/Unknown/environments/${production}/versions`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_PACTICIPANT_NOT_FOUND');
  });

  describe('when the environment and pacticipant exist but there are no versions', () => {
    it('is a HAL JSON success response', async () => {
      await seed();
      const response = await broker.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
    });

    it('returns an empty versions array', async () => {
      await seed();
      expect(await listed()).toEqual([]);
    });
  });

  describe('when the pacticipant has versions deployed and released to the environment', () => {
    const deployedAndReleased = async () => {
      await seed();
      await version('1');
      await recordDeployment(broker.app, 'Foo', '1', production);
      await version('2');
      await recordDeployment(broker.app, 'Foo', '2', production, 'released');
    };

    it('returns both the deployed and released versions', async () => {
      await deployedAndReleased();
      expect((await listed()).map((v) => v.number).sort()).toEqual(['1', '2']);
    });

    it('includes pb:deployed-environments on the deployed version', async () => {
      await deployedAndReleased();
      const deployed = (await listed()).find((v) => v.number === '1');
      expect(deployed?._links['pb:deployed-environments']).toEqual([
        expect.objectContaining({ name: 'production', currentlyDeployed: true }),
      ]);
    });

    it('includes pb:released-environments on the released version', async () => {
      await deployedAndReleased();
      const released = (await listed()).find((v) => v.number === '2');
      expect(released?._links['pb:released-environments']).toEqual([
        expect.objectContaining({ name: 'production', currentlySupported: true }),
      ]);
    });
  });

  it('when a version has been both deployed and released to the environment: returns the version only once', async () => {
    await seed();
    await version('1');
    await recordDeployment(broker.app, 'Foo', '1', production);
    await recordDeployment(broker.app, 'Foo', '1', production, 'released');
    expect((await listed()).map((v) => v.number)).toEqual(['1']);
  });

  it('when there are versions for the same pacticipant in a different environment: only returns versions for the requested environment', async () => {
    await seed();
    const other = await staging();
    await version('1');
    await recordDeployment(broker.app, 'Foo', '1', production);
    await version('2');
    await recordDeployment(broker.app, 'Foo', '2', other);
    expect((await listed()).map((v) => v.number)).toEqual(['1']);
  });

  describe('with pagination options', () => {
    const three = async () => {
      await seed();
      for (const number of ['1', '2', '3']) {
        await version(number);
        await recordDeployment(broker.app, 'Foo', number, production);
      }
      return (await broker.get(`${url}?size=2&page=1`)).json();
    };

    it('only returns the number of items specified in the size', async () => {
      expect((await three())._embedded.versions.map((v: Listed) => v.number)).toEqual(['3', '2']);
    });

    it('a paginated response: includes the pagination relations', async () => {
      expect((await three())._links.next.href).toMatch(
        /\/environments\/aaaaaaaa-0000-0000-0000-000000000000\/versions\?size=2&page=2$/,
      );
    });

    it('a paginated response: includes the page details', async () => {
      expect((await three()).page).toEqual({ number: 1, size: 2, totalElements: 3, totalPages: 2 });
    });
  });
});

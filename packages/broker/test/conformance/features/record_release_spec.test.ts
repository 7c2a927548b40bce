import { beforeEach, describe, expect, it } from 'vitest';
import { BASE, path, recordDeployment } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/record_release_spec.rb', () => {
  const broker = freshBroker();
  let production: string;

  beforeEach(async () => {
    production = (await broker.post('/environments', { name: 'production', production: true })).json().uuid;
    await broker.put('/pacticipants/Foo/versions/1');
  });

  const recordUrl = async () => {
    const links = (await broker.get('/pacticipants/Foo/versions/1')).json()._links['pb:record-release'];
    return path(links.find((l: { name: string }) => l.name === 'production').href);
  };
  const record = async () =>
    broker.app.inject({ method: 'POST', url: await recordUrl(), headers: { 'content-type': 'application/json' } });
  const releases = async () =>
    (await broker.get(`/pacticipants/Foo/versions/1/released-versions/environment/${production}`)).json()._embedded
      .releasedVersions;

  it('is a HAL JSON created response', async () => {
    const response = await record();
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the Location header', async () => {
    const response = await record();
    expect(response.headers.location).toBe(`${BASE}/released-versions/${response.json().uuid}`);
  });

  it('returns the newly created release', async () => {
    expect((await record()).json().currentlySupported).toBe(true);
  });

  it('creates a new released version', async () => {
    await record();
    expect(await releases()).toHaveLength(1);
  });

  describe('when the version is already released', () => {
    let existing: string;
    beforeEach(async () => {
      existing = (await recordDeployment(broker.app, 'Foo', '1', production, 'released')).json().uuid;
    });

    it('returns the Location header', async () => {
      expect((await record()).headers.location).toContain(existing);
    });

    it('does not change the overall count of released versions', async () => {
      await record();
      expect(await releases()).toHaveLength(1);
    });

    it('returns the existing released version', async () => {
      expect((await record()).json().uuid).toBe(existing);
    });

    it('is a HAL JSON success response', async () => {
      const response = await record();
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
    });
  });

  describe('when the version is currently unsupported', () => {
    let existing: { uuid: string; createdAt: string };
    beforeEach(async () => {
      existing = (await recordDeployment(broker.app, 'Foo', '1', production, 'released')).json();
      await broker.patch(`/released-versions/${existing.uuid}`, { currentlySupported: false });
    });

    it('returns the Location header', async () => {
      expect((await record()).headers.location).toContain(existing.uuid);
    });

    it('returns the existing release with the currentlySupported parameter set back to true', async () => {
      const body = (await record()).json();
      expect(body.currentlySupported).toBe(true);
      expect(body.supportEndedAt).toBeNull();
    });

    it('does not change the createdAt', async () => {
      await record();
      expect((await broker.get(`/released-versions/${existing.uuid}`)).json().createdAt).toBe(existing.createdAt);
    });
  });

  it('creates a released version resource', async () => {
    const response = await record();
    expect((await broker.get(path(response.headers.location as string))).statusCode).toBe(200);
  });
});

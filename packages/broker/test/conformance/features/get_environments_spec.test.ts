import { beforeEach, describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_environments_spec.rb', () => {
  const broker = freshBroker();

  beforeEach(async () => {
    await broker.post('/environments', {
      name: 'test',
      displayName: 'Test',
      production: false,
      contacts: [{ name: 'Foo' }],
    });
    await broker.post('/environments', {
      name: 'prod',
      displayName: 'Production',
      production: true,
      contacts: [{ name: 'Foo' }],
    });
  });

  it('is a HAL JSON success response', async () => {
    const response = await broker.get('/environments');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the environments', async () => {
    const body = (await broker.get('/environments')).json();
    expect(body._embedded.environments.map((e: { name: string }) => e.name).sort()).toEqual(['prod', 'test']);
  });

  it('returns the contacts for each environment', async () => {
    const body = (await broker.get('/environments')).json();
    expect(body._embedded.environments[0].contacts).toEqual([{ name: 'Foo' }]);
  });

  describe('by name', () => {
    it('returns the environment with the matching name', async () => {
      const body = (await broker.get('/environments?name=test')).json();
      expect(body._embedded.environments.map((e: { name: string }) => e.name)).toEqual(['test']);
    });

    it('when no environment exists: returns an empty list', async () => {
      const body = (await broker.get('/environments?name=foo')).json();
      expect(body._embedded.environments).toEqual([]);
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { publish, shaOf, verifyPact } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_latest_verification_for_pact_spec.rb', () => {
  const broker = freshBroker();
  const extended = 'application/vnd.pactbrokerextended.v1+json';
  let sha: string;

  beforeEach(async () => {
    await publish(broker.app, {
      consumer: 'Consumer',
      version: '1.2.3',
      tags: ['master'],
      providers: ['Another provider', 'Provider'],
    });
    const result = (provider: string, providerVersion: string, tags?: string[]) =>
      verifyPact(broker.app, {
        provider,
        consumer: 'Consumer',
        consumerVersion: '1.2.3',
        providerVersion,
        success: true,
        ...(tags ? { tags } : {}),
      });
    await result('Another provider', '5');
    await result('Provider', '3');
    await result('Provider', '4', ['main']);
    sha = await shaOf(broker.app, 'Provider', 'Consumer', '1.2.3');
  });

  const get = (path: string) => broker.get(path, { accept: extended });

  describe('by pact version', () => {
    it('returns a 200 OK', async () => {
      const response = await get(`/pacts/provider/Provider/consumer/Consumer/pact-version/${sha}/verification-results/latest`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain(extended);
    });

    it('returns the verification', async () => {
      const response = await get(`/pacts/provider/Provider/consumer/Consumer/pact-version/${sha}/verification-results/latest`);
      const body = response.json();
      expect(body.providerApplicationVersion).toBe('4');
      // extended_verification_decorator.rb: the provider version's tags, embedded.
      expect(body._embedded.tags).toEqual([expect.objectContaining({ name: 'main', latest: true })]);
    });
  });

  it('by consumer version: returns the verification', async () => {
    const response = await get('/pacts/provider/Provider/consumer/Consumer/version/1.2.3/verification-results/latest');
    expect(response.json().providerApplicationVersion).toBe('4');
  });

  it('for latest pact: returns the verification', async () => {
    const response = await get('/pacts/provider/Provider/consumer/Consumer/latest/verification-results/latest');
    expect(response.json().providerApplicationVersion).toBe('4');
  });

  it('for latest pact for tag: returns the verification', async () => {
    const response = await get('/pacts/provider/Provider/consumer/Consumer/latest/master/verification-results/latest');
    expect(response.statusCode).toBe(200);
    expect(response.json().providerApplicationVersion).toBe('4');
  });

  it('without the extended media type: HAL, without the tags', async () => {
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/latest/verification-results/latest');
    expect(response.headers['content-type']).toContain('application/hal+json');
    expect(response.json()._embedded).toBeUndefined();
  });

  it('for a tag with no pact: a 404', async () => {
    const response = await get('/pacts/provider/Provider/consumer/Consumer/latest/prod/verification-results/latest');
    expect(response.statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_provider_pacts_spec.rb', () => {
  const broker = freshBroker();
  const setUp = async () => {
    const c = { consumer: 'Consumer', provider: 'Provider' };
    await publish(broker.app, { ...c, version: '0.0.1', tags: ['prod'] });
    await publish(broker.app, { ...c, version: '1.0.0', tags: ['prod'], interactions: ['b'] });
    await publish(broker.app, { ...c, version: '1.2.3', interactions: ['c'] });
    await publish(broker.app, { consumer: 'Consumer 2', provider: 'Provider', version: '4.5.6', tags: ['prod'] });
  };
  const pactLinks = async (path: string) => {
    const response = await broker.get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    return response.json()._links['pb:pacts'].map((l: { href: string }) => l.href.split('/consumer/')[1]);
  };

  describe('when the provider exists', () => {
    it('with no tag specified: returns a 200 HAL JSON response; returns a list of links to the pacts', async () => {
      await setUp();
      expect(await pactLinks('/pacts/provider/Provider/latest')).toEqual([
        'Consumer/version/1.2.3',
        'Consumer%202/version/4.5.6',
      ]);
    });

    it('with a tag specified: returns a 200 HAL JSON response; returns a list of links to the pacts', async () => {
      await setUp();
      expect(await pactLinks('/pacts/provider/Provider/latest/prod')).toEqual([
        'Consumer/version/1.0.0',
        'Consumer%202/version/4.5.6',
      ]);
    });

    it('with a tag with no pacts: returns a 200 HAL JSON response; returns a list of links to the pacts', async () => {
      await setUp();
      expect(await pactLinks('/pacts/provider/Provider/latest/foo')).toEqual([]);
    });

    it('with a tag for all pacts: returns a 200 HAL JSON response; returns a list of links to the pacts', async () => {
      await setUp();
      expect(await pactLinks('/pacts/provider/Provider/tag/prod')).toHaveLength(3);
    });

    it('with no tag for all pacts: returns a 200 HAL JSON response; returns a list of links to the pacts', async () => {
      await setUp();
      expect(await pactLinks('/pacts/provider/Provider')).toHaveLength(4);
    });
  });

  it('when the provider does not exist: returns a 404 response', async () => {
    expect((await broker.get('/pacts/provider/Provider')).statusCode).toBe(404);
  });
});

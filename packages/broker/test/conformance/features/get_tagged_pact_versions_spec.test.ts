import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_tagged_pact_versions_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Provider/consumer/Consumer/tag/prod';
  const setUp = async () => {
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '1.2.3', tags: ['prod'] });
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '4.5.6' });
  };

  it('returns a 200 HAL JSON response', async () => {
    await setUp();
    const response = await broker.get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the list of tagged pact versions', async () => {
    await setUp();
    const body = (await broker.get(path)).json();
    expect(body._links['pb:pact-versions']).toEqual([
      expect.objectContaining({ title: 'Pact version', name: expect.stringMatching(/^Version 1\.2\.3 - /) }),
    ]);
    expect(body._links['pb:pact-versions'][0].href).toMatch(/\/version\/1\.2\.3$/);
    expect(body._links['pb:consumer'].name).toBe('Consumer');
    expect(body._links['pb:provider'].name).toBe('Provider');
  });
});

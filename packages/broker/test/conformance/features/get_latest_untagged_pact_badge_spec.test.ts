import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_latest_untagged_pact_badge_spec.rb', () => {
  const broker = freshBroker();

  it('returns a 200 status; returns an svg/xml response; returns an svg body', async () => {
    const result = (consumerVersion: string, success: boolean) =>
      verifyPact(broker.app, {
        provider: 'provider',
        consumer: 'consumer',
        consumerVersion,
        providerVersion: '1',
        success,
      });
    await publish(broker.app, { consumer: 'consumer', version: '1.0.0', provider: 'provider', interactions: ['a'] });
    await result('1.0.0', true);
    await publish(broker.app, {
      consumer: 'consumer',
      version: '1.2.3',
      provider: 'provider',
      tags: ['prod'],
      interactions: ['b'],
    });
    await result('1.2.3', false);
    const response = await broker.get('/pacts/provider/provider/consumer/consumer/latest-untagged/badge', {
      accept: 'image/svg+xml',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toContain('>verified<');
    expect((await broker.get('/pacts/provider/provider/consumer/consumer/latest/badge')).body).toContain('>failed<');
  });
});

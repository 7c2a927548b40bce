import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_matrix_badge_spec.rb', () => {
  const broker = freshBroker();
  const svg = { accept: 'image/svg+xml' };
  const setUp = async () => {
    await publish(broker.app, { consumer: 'consumer', version: '1', provider: 'provider', tags: ['prod'] });
    await verifyPact(broker.app, {
      provider: 'provider',
      consumer: 'consumer',
      consumerVersion: '1',
      providerVersion: '4',
      success: true,
      tags: ['master'],
    });
  };

  it('returns a 200 status; returns an svg/xml response; returns an svg body', async () => {
    await setUp();
    const response = await broker.get(
      '/matrix/provider/provider/latest/master/consumer/consumer/latest/prod/badge',
      svg,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toMatch(/^<svg [^>]*>.*>verified<.*<\/svg>$/s);
  });

  it('when one of the pacticipants does not exist: returns a 200 status as the badge content indicated the pact is not found', async () => {
    await setUp();
    const response = await broker.get(
      '/matrix/provider/provider/latest/master/consumer/consumer2/latest/prod/badge',
      svg,
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('not found');
  });
});

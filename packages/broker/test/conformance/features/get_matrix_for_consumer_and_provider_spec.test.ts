import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_matrix_for_consumer_and_provider_spec.rb', () => {
  const broker = freshBroker();
  const path = '/matrix/provider/Provider/consumer/Consumer';
  const setUp = async () => {
    await publish(broker.app, { consumer: 'Consumer', version: '1.0.0', provider: 'Provider' });
    await verifyPact(broker.app, {
      provider: 'Provider',
      consumer: 'Consumer',
      consumerVersion: '1.0.0',
      providerVersion: '4.5.6',
      success: true,
    });
  };

  it('returns a 200 HAL JSON response; returns the JSON representation of the matrix', async () => {
    await setUp();
    // A consumer version the provider has not verified is a row too: every version pair between the two.
    await publish(broker.app, { consumer: 'Consumer', version: '1.1.0', provider: 'Provider', interactions: ['new'] });
    const response = await broker.get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    const rows = response.json().matrix;
    expect(rows.map((r: { consumer: { version: { number: string } } }) => r.consumer.version.number).sort()).toEqual([
      '1.0.0',
      '1.1.0',
    ]);
    const verified = rows.find((r: { verificationResult: unknown }) => r.verificationResult !== null);
    expect(verified.consumer).toMatchObject({ name: 'Consumer' });
    expect(verified.provider).toMatchObject({ name: 'Provider', version: { number: '4.5.6' } });
    expect(verified.pact).toEqual(expect.objectContaining({ _links: expect.any(Object) }));
    expect(verified.verificationResult).toMatchObject({ success: true });
  });

  it('with invalid options: status 400', async () => {
    await setUp();
    const response = await broker.get(`${path}?limit=0`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(["limit must be a positive integer (got '0')"]);
  });
});

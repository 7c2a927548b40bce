import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { type Client, freshBroker, HAL } from '../support.ts';

async function consumerVerifiedByProvider(broker: Client) {
  await publish(broker.app, { consumer: 'Consumer', version: '1.0.0', provider: 'Provider' });
  await verifyPact(broker.app, {
    provider: 'Provider',
    consumer: 'Consumer',
    consumerVersion: '1.0.0',
    providerVersion: '4.5.6',
    success: true,
  });
}

describe('spec/features/get_matrix_spec.rb', () => {
  const broker = freshBroker();
  const path = '/matrix?q[][pacticipant]=Consumer&q[][version]=1.0.0&q[][pacticipant]=Provider&q[][version]=4.5.6';

  it('returns a 200 HAL JSON response; returns the JSON representation of the matrix', async () => {
    await consumerVerifiedByProvider(broker);
    const response = await broker.get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    const [row] = response.json().matrix;
    expect(row.consumer).toMatchObject({ name: 'Consumer', version: { number: '1.0.0' } });
    expect(row.provider).toMatchObject({ name: 'Provider', version: { number: '4.5.6' } });
    expect(row.pact).toEqual(expect.objectContaining({ _links: expect.any(Object) }));
    expect(row.verificationResult).toMatchObject({ success: true });
  });

  it('with Accept: text/plain: a text/plain;charset=utf-8 Content-Type', async () => {
    await consumerVerifiedByProvider(broker);
    const response = await broker.get(path, { accept: 'text/plain' });
    expect(response.headers['content-type']).toBe('text/plain;charset=utf-8');
    expect(response.body).toMatch(
      /^CONSUMER\s+\| C\.VERSION.*\nConsumer\s+\| 1\.0\.0\s+\| Provider\s+\| 4\.5\.6\s+\| true\n/s,
    );
  });
});

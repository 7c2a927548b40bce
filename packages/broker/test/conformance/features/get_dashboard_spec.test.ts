import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_dashboard_spec.rb', () => {
  const broker = freshBroker();
  const setUp = async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1.2.3', provider: 'Bar', tags: ['prod'] });
    await verifyPact(broker.app, {
      consumer: 'Foo',
      consumerVersion: '1.2.3',
      provider: 'Bar',
      providerVersion: '4.5.6',
      success: true,
      tags: ['dev'],
    });
  };

  it('returns a 200 HAL JSON response; returns a list of items', async () => {
    await setUp();
    const response = await broker.get('/dashboard');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        consumer: { name: 'Foo', version: { number: '1.2.3', tags: ['prod'] } },
        provider: { name: 'Bar', version: { number: '4.5.6' } },
        verificationResult: expect.objectContaining({ success: true }),
      }),
    ]);
  });

  it('with Accept: text/plain: a text/plain;charset=utf-8 Content-Type', async () => {
    await setUp();
    const response = await broker.get('/dashboard', { accept: 'text/plain' });
    expect(response.headers['content-type']).toBe('text/plain;charset=utf-8');
    expect(response.body).toMatch(/Foo\s+\| 1\.2\.3\s+\| Bar\s+\| 4\.5\.6 .*\| success/);
  });
});

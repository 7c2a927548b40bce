import { describe, expect, it } from 'vitest';
import { path, publish, verifyPact } from '../../helpers/broker.ts';
import { receiverPerTest, settled } from '../../helpers/webhooks.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_triggered_webhooks_for_verification_spec.rb', () => {
  const broker = freshBroker();
  const newReceiver = receiverPerTest();

  it('is a HAL JSON success response; contains a list of triggered webhooks', async () => {
    const receiver = await newReceiver();
    await broker.app.ready();
    await publish(broker.app, { consumer: 'Consumer', version: '1.2.3', provider: 'Provider' });
    await broker.post('/webhooks', {
      events: [{ name: 'provider_verification_published' }],
      request: { method: 'POST', url: `${receiver.url}/build` },
    });
    const done = settled(broker.app, 1);
    const result = await verifyPact(broker.app, {
      provider: 'Provider',
      consumer: 'Consumer',
      consumerVersion: '1.2.3',
      providerVersion: '4.5.6',
      success: true,
    });
    await done;
    const response = await broker.get(`${path(result.json()._links.self.href)}/triggered-webhooks`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()._embedded.triggeredWebhooks).toHaveLength(1);
  });
});

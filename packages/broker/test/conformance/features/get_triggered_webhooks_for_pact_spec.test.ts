import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { receiverPerTest, settled } from '../../helpers/webhooks.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_triggered_webhooks_for_pact_spec.rb', () => {
  const broker = freshBroker();
  const newReceiver = receiverPerTest();

  it('is a HAL JSON success response; contains a list of triggered webhooks', async () => {
    const receiver = await newReceiver();
    await broker.app.ready();
    await broker.post('/webhooks', {
      events: [{ name: 'contract_published' }],
      request: { method: 'POST', url: `${receiver.url}/build` },
    });
    const done = settled(broker.app, 1);
    await publish(broker.app, { consumer: 'Consumer', version: '1.2.3', provider: 'Provider' });
    await done;
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/version/1.2.3/triggered-webhooks');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()._embedded.triggeredWebhooks).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { BASE, publish } from '../../helpers/broker.ts';
import { receiverPerTest } from '../../helpers/webhooks.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/execute_unsaved_webhook_spec.rb', () => {
  // The real spec allows plain http (webhook_scheme_whitelist); so does this broker's setting.
  const broker = freshBroker({ webhooks: { allow: { schemes: ['http'], hosts: [] } } });
  const newReceiver = receiverPerTest();

  describe('when the execution is successful', () => {
    it('performs the HTTP request; returns a 200 response', async () => {
      const receiver = await newReceiver({ body: 'webhook-response-body' });
      await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar' });
      const response = await broker.post('/webhooks/execute', {
        request: {
          method: 'POST',
          url: `${receiver.url}/build`,
          headers: { 'Content-Type': 'application/json' },
          body: '$' + '{pactbroker.pactUrl}',
        },
      });
      expect(response.statusCode).toBe(200);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.body).toMatch(new RegExp(`^${BASE}/pacts/provider/Bar/consumer/Foo.*`));
    });
  });

  it('when there is a validation error: returns a 400', async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar' });
    const response = await broker.post('/webhooks/execute', {});
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toHaveProperty('request');
  });
});

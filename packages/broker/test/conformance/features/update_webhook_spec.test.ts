import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/update_webhook_spec.rb', () => {
  const broker = freshBroker();

  it('with valid attributes: returns the newly created webhook', async () => {
    await publish(broker.app, { consumer: 'Some Consumer', version: '1', provider: 'Some Provider' });
    // A global webhook (no consumer, no provider), then scoped to the consumer by the update.
    const uuid = (
      await broker.post('/webhooks', {
        description: 'global',
        events: [{ name: 'contract_content_changed' }],
        request: { method: 'GET', url: 'https://example.org/global' },
      })
    ).json().uuid;
    const response = await broker.put(`/webhooks/${uuid}`, {
      description: 'trigger build',
      consumer: { name: 'Some Consumer' },
      enabled: false,
      events: [{ name: 'contract_published' }],
      request: {
        method: 'POST',
        url: 'https://example.org',
        headers: { 'Content-Type': 'application/json' },
        body: { a: 'body' },
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      uuid,
      description: 'trigger build',
      consumer: { name: 'Some Consumer' },
      enabled: false,
      events: [{ name: 'contract_published' }],
    });
  });
});

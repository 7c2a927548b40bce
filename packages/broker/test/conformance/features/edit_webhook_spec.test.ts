import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

/** The real spec's valid-webhook fixture, made for this test: same shape, this broker's own values. */
const validWebhook = (url: string) => ({
  events: [{ name: 'contract_content_changed' }],
  request: {
    method: 'POST',
    url,
    username: 'username',
    password: 'password',
    headers: { Accept: 'application/json' },
    body: { a: 'body' },
  },
});

describe('spec/features/edit_webhook_spec.rb', () => {
  const broker = freshBroker();
  async function existingWebhook(): Promise<string> {
    await publish(broker.app, { consumer: 'Some Consumer', version: '1', provider: 'Some Provider' });
    const created = await broker.post(
      '/webhooks/provider/Some%20Provider/consumer/Some%20Consumer',
      validWebhook('https://foo.com'),
    );
    return created.json().uuid;
  }

  describe('with invalid attributes', () => {
    it('returns a 400; returns the validation errors; does not update the webhook', async () => {
      const uuid = await existingWebhook();
      const response = await broker.put(`/webhooks/${uuid}`, {});
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().errors).length).toBeGreaterThan(0);
      const reloaded = (await broker.get(`/webhooks/${uuid}`)).json();
      expect(reloaded.request).toMatchObject({ method: 'POST', url: 'https://foo.com' });
    });
  });

  describe('with valid attributes', () => {
    it('returns a 200 response; returns a JSON Content Type; updates the webhook', async () => {
      const uuid = await existingWebhook();
      const response = await broker.put(`/webhooks/${uuid}`, validWebhook('https://bar.com'));
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
      expect((await broker.get(`/webhooks/${uuid}`)).json().request.url).toBe('https://bar.com');
    });
  });
});

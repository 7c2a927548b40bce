import { describe, expect, it } from 'vitest';
import { BASE, publish } from '../../helpers/broker.ts';
import { type Client, freshBroker, HAL } from '../support.ts';

const webhookHash = (parties: Record<string, unknown> = {}) => ({
  description: 'trigger build',
  enabled: false,
  ...parties,
  events: [{ name: 'contract_content_changed' }],
  request: {
    method: 'POST',
    url: 'https://example.org',
    headers: { 'content-type': 'application/json' },
    body: { a: 'body' },
  },
});

/** The one stored webhook, as the broker lists it. */
async function onlyWebhook(broker: Client) {
  const webhooks = (await broker.get('/webhooks')).json()._embedded.webhooks;
  expect(webhooks).toHaveLength(1);
  return webhooks[0];
}

describe('spec/features/create_webhook_spec.rb', () => {
  const broker = freshBroker();
  const setUp = () => publish(broker.app, { consumer: 'Some Consumer', version: '1', provider: 'Some Provider' });
  const between = '/webhooks/provider/Some%20Provider/consumer/Some%20Consumer';

  describe('for a consumer and provider', () => {
    it('with invalid attributes: status 400; returns a JSON content type; returns the validation errors', async () => {
      await setUp();
      const response = await broker.post(between, {});
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe(HAL);
      expect(Object.keys(response.json().errors).length).toBeGreaterThan(0);
    });

    it('with valid attributes: 201; returns the Location header, a JSON content type and the new webhook', async () => {
      await setUp();
      const response = await broker.post(between, webhookHash());
      expect(response.statusCode).toBe(201);
      expect(response.headers.location).toMatch(new RegExp(`^${BASE}/webhooks/.+`));
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json()).toMatchObject(webhookHash());
    });
  });

  describe('for a provider', () => {
    it('status 201; creates a webhook without a consumer', async () => {
      await setUp();
      expect((await broker.post('/webhooks', webhookHash({ provider: { name: 'Some Provider' } }))).statusCode).toBe(
        201,
      );
      const webhook = await onlyWebhook(broker);
      expect(webhook.provider).toEqual({ name: 'Some Provider' });
      expect(webhook).not.toHaveProperty('consumer');
    });

    it('with label: status 201; creates a webhook without explicit consumer and provider with provider label', async () => {
      await setUp();
      expect((await broker.post('/webhooks', webhookHash({ provider: { label: 'my_label' } }))).statusCode).toBe(201);
      const webhook = await onlyWebhook(broker);
      expect(webhook.provider).toEqual({ label: 'my_label' });
      expect(webhook).not.toHaveProperty('consumer');
    });

    it('with both label and name: status 400; returns the validation errors', async () => {
      await setUp();
      const response = await broker.post('/webhooks', webhookHash({ provider: { name: 'Some Provider', label: 'l' } }));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toHaveProperty(['provider.label']);
    });
  });

  describe('for a consumer', () => {
    it('status 201; creates a webhook without a provider', async () => {
      await setUp();
      expect((await broker.post('/webhooks', webhookHash({ consumer: { name: 'Some Consumer' } }))).statusCode).toBe(
        201,
      );
      const webhook = await onlyWebhook(broker);
      expect(webhook.consumer).toEqual({ name: 'Some Consumer' });
      expect(webhook).not.toHaveProperty('provider');
    });

    it('with label: status 201; creates a webhook without explicit consumer and provider with consumer label', async () => {
      await setUp();
      expect((await broker.post('/webhooks', webhookHash({ consumer: { label: 'my_label' } }))).statusCode).toBe(201);
      const webhook = await onlyWebhook(broker);
      expect(webhook.consumer).toEqual({ label: 'my_label' });
      expect(webhook).not.toHaveProperty('provider');
    });

    it('with both label and name: status 400; returns the validation errors', async () => {
      await setUp();
      const response = await broker.post('/webhooks', webhookHash({ consumer: { name: 'Some Consumer', label: 'l' } }));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toHaveProperty(['consumer.label']);
    });
  });

  it('with no consumer or provider: status 201; creates a webhook without a provider', async () => {
    await setUp();
    expect((await broker.post('/webhooks', webhookHash())).statusCode).toBe(201);
    const webhook = await onlyWebhook(broker);
    expect(webhook).not.toHaveProperty('consumer');
    expect(webhook).not.toHaveProperty('provider');
  });

  it('with a UUID: status 201; is expected to have a consumer and provider', async () => {
    await setUp();
    const body = webhookHash({ provider: { name: 'Some Provider' }, consumer: { name: 'Some Consumer' } });
    const response = await broker.put('/webhooks/1234123412341234', body);
    expect(response.statusCode).toBe(201);
    const webhook = await onlyWebhook(broker);
    expect(webhook).toMatchObject({ uuid: '1234123412341234', consumer: { name: 'Some Consumer' } });
    expect(webhook.provider).toEqual({ name: 'Some Provider' });
  });

  it('with the old path: 201; returns the Location header, a JSON content type and the new webhook', async () => {
    await setUp();
    const response = await broker.post(
      '/pacts/provider/Some%20Provider/consumer/Some%20Consumer/webhooks',
      webhookHash(),
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toMatch(new RegExp(`^${BASE}/webhooks/.+`));
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()).toMatchObject({
      ...webhookHash(),
      consumer: { name: 'Some Consumer' },
      provider: { name: 'Some Provider' },
    });
  });
});

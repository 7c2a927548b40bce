import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publish, testBroker } from '../helpers/broker.ts';

const definition = {
  description: 'a webhook',
  events: [{ name: 'contract_content_changed' }],
  request: {
    method: 'POST',
    url: 'https://webhook',
    headers: { Foo: 'bar' },
    body: { some: 'body' },
    username: 'u',
    password: 'secret',
  },
};

describe('webhooks (stored, never executed)', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await testBroker();
    await publish(app, { consumer: 'Condor', version: '1', provider: 'Pricing Service' });
  });
  afterEach(() => app.close());

  it('creates, reads, updates, lists and deletes webhooks, hiding the password', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/webhooks',
      payload: { ...definition, consumer: { name: 'Condor' } },
    });
    expect(created.statusCode).toBe(201);
    const webhook = created.json();
    expect(webhook).toMatchObject({ description: 'a webhook', consumer: { name: 'Condor' }, enabled: true });
    expect(webhook.request).toMatchObject({ body: { some: 'body' }, password: '**********' });
    expect((await app.inject(`/webhooks/${webhook.uuid}`)).json().uuid).toBe(webhook.uuid);

    const updated = await app.inject({
      method: 'PUT',
      url: `/webhooks/${webhook.uuid}`,
      payload: { ...definition, description: 'changed' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().description).toBe('changed');
    const byUuid = await app.inject({
      method: 'PUT',
      url: '/webhooks/696c5f93-1b7f-44bc-8d03-59440fcaa9a0',
      payload: definition,
    });
    expect(byUuid.statusCode).toBe(201);
    expect((await app.inject('/webhooks')).json()._embedded.webhooks).toHaveLength(2);

    expect((await app.inject({ method: 'DELETE', url: `/webhooks/${webhook.uuid}` })).statusCode).toBe(204);
    expect((await app.inject(`/webhooks/${webhook.uuid}`)).json().code).toBe('BROKER_WEBHOOK_NOT_FOUND');
  });

  it('scopes a webhook to an integration by path, with labels, and with a non-JSON body', async () => {
    const scoped = await app.inject({
      method: 'POST',
      url: '/webhooks/provider/Pricing%20Service/consumer/Condor',
      payload: { ...definition, request: { ...definition.request, body: '<xml></xml>' } },
    });
    expect(scoped.statusCode).toBe(201);
    expect(scoped.json()).toMatchObject({
      consumer: { name: 'Condor' },
      provider: { name: 'Pricing Service' },
      request: { body: '<xml></xml>' },
    });
    const labelled = await app.inject({
      method: 'POST',
      url: '/webhooks',
      payload: { ...definition, provider: { label: 'payments' } },
    });
    expect(labelled.json().provider).toEqual({ label: 'payments' });
    const missing = await app.inject({
      method: 'POST',
      url: '/webhooks/provider/Pricing%20Service/consumer/Nobody',
      payload: definition,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('validates webhooks by field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/webhooks',
      payload: { consumer: { name: 'Nobody' }, events: [{ name: 'nope' }], request: { method: 'FETCH' } },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().errors)).toEqual([
      'consumer.name',
      'events[0].name',
      'request.method',
      'request.url',
    ]);
  });
});

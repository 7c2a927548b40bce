import { describe, expect, it } from 'vitest';
import { BASE, publish } from '../../helpers/broker.ts';
import { receiverPerTest, refusingUrl } from '../../helpers/webhooks.ts';
import { type Client, freshBroker } from '../support.ts';

const pactUrlParam = '$' + '{pactbroker.pactUrl}';
const TRIGGERED = '/pacts/provider/Bar/consumer/Foo/version/1/triggered-webhooks';

const newReceiver = receiverPerTest();

async function webhookTo(broker: Client, url: string): Promise<string> {
  await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar' });
  const created = await broker.post('/webhooks/provider/Bar/consumer/Foo', {
    events: [{ name: 'contract_content_changed' }],
    request: { method: 'POST', url, body: pactUrlParam },
  });
  return created.json().uuid;
}

/** What the broker has stored of webhook runs for Foo's pact: triggered webhooks and their executions. */
async function storedRuns(broker: Client) {
  const triggered = (await broker.get(TRIGGERED)).json()._embedded.triggeredWebhooks;
  return { triggered: triggered.length, executions: (await broker.get('/metrics')).json().webhookExecutions.count };
}

describe('spec/features/execute_webhook_spec.rb', () => {
  describe('when the execution is successful', () => {
    const broker = freshBroker();

    // The real broker's pact URL carries a metadata segment marking the verification WIP; this broker's is the
    // plain pact-version URL (see "Where this broker answers differently on purpose").
    it('performs the HTTP request; returns a 200 response', async () => {
      const receiver = await newReceiver({ body: 'webhook-response-body' });
      const uuid = await webhookTo(broker, `${receiver.url}/build`);
      const response = await broker.post(`/webhooks/${uuid}/execute`);
      expect(response.statusCode).toBe(200);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.body).toMatch(
        new RegExp(`^${BASE}/pacts/provider/Bar/consumer/Foo/pact-version/[0-9a-f]{40}$`),
      );
    });

    it('does not save a TriggeredWebhook; does not save a WebhookExecution', async () => {
      const receiver = await newReceiver({ body: 'webhook-response-body' });
      const uuid = await webhookTo(broker, `${receiver.url}/build`);
      const before = await storedRuns(broker);
      await broker.post(`/webhooks/${uuid}/execute`);
      expect(receiver.received).toHaveLength(1);
      expect(await storedRuns(broker)).toEqual(before);
    });

    it('when a webhook host whitelist is not configured: does not show any response details', async () => {
      const receiver = await newReceiver({ body: 'webhook-response-body' });
      const uuid = await webhookTo(broker, `${receiver.url}/build`);
      const response = await broker.post(`/webhooks/${uuid}/execute`);
      expect(receiver.received).toHaveLength(1);
      expect(response.body).not.toContain('webhook-response-body');
    });
  });

  describe('when the execution is successful, with a host whitelist', () => {
    const broker = freshBroker({ webhooks: { allow: { schemes: ['http', 'https'], hosts: ['127.0.0.1'] } } });

    it('when a webhook host whitelist is configured: includes response details', async () => {
      const receiver = await newReceiver({ body: 'webhook-response-body' });
      const uuid = await webhookTo(broker, `${receiver.url}/build`);
      const response = await broker.post(`/webhooks/${uuid}/execute`);
      expect(response.body).toContain('webhook-response-body');
    });
  });

  describe('when an error occurs', () => {
    const broker = freshBroker();

    it('returns a 200 response; does not save a TriggeredWebhook; does not save a WebhookExecution', async () => {
      const uuid = await webhookTo(broker, `${await refusingUrl()}/build`);
      const before = await storedRuns(broker);
      const response = await broker.post(`/webhooks/${uuid}/execute`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ success: false });
      expect(await storedRuns(broker)).toEqual(before);
    });
  });
});

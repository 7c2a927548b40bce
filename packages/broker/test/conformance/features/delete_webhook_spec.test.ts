import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { receiverPerTest, settled } from '../../helpers/webhooks.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_webhook_spec.rb', () => {
  const broker = freshBroker();
  const newReceiver = receiverPerTest();

  /** A webhook that has fired once (a triggered webhook with its execution), as the real spec's data has. */
  async function firedWebhook(): Promise<string> {
    const receiver = await newReceiver();
    await broker.app.ready();
    const uuid = (
      await broker.post('/webhooks', {
        events: [{ name: 'contract_published' }],
        request: { method: 'POST', url: `${receiver.url}/build` },
      })
    ).json().uuid;
    const done = settled(broker.app, 1);
    await publish(broker.app, { consumer: 'Some Consumer', version: '1', provider: 'Some Provider' });
    await done;
    return uuid;
  }
  const triggered = async () =>
    (await broker.get('/pacts/provider/Some%20Provider/consumer/Some%20Consumer/version/1/triggered-webhooks')).json()
      ._embedded.triggeredWebhooks;

  it('deletes the webhook; returns a 204 response', async () => {
    const uuid = await firedWebhook();
    const response = await broker.delete(`/webhooks/${uuid}`);
    expect(response.statusCode).toBe(204);
    expect((await broker.get('/webhooks')).json()._embedded.webhooks).toHaveLength(0);
    expect((await broker.get(`/webhooks/${uuid}`)).statusCode).toBe(404);
  });

  it('does not delete the triggered webhooks because these are needed to calculate the webhook status', async () => {
    const uuid = await firedWebhook();
    expect(await triggered()).toHaveLength(1);
    await broker.delete(`/webhooks/${uuid}`);
    expect(await triggered()).toHaveLength(1);
  });
});

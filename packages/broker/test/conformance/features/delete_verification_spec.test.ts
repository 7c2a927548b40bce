import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { rows } from '../rows.ts';
import { freshBroker } from '../support.ts';
import { webhookOnEverything } from '../webhook-setup.ts';

describe('spec/features/delete_verification_spec.rb', () => {
  const broker = freshBroker({ webhooks: { run: false } });

  const setUp = async () => {
    await webhookOnEverything(broker.app);
    await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1' });
    const first = await verifyPact(broker.app, { consumer: 'Foo', consumerVersion: '1', providerVersion: '2', success: true });
    await verifyPact(broker.app, { consumer: 'Foo', consumerVersion: '1', providerVersion: '3', success: false });
    // contract_published, then provider_verification_published for each result.
    expect(await rows(broker.app, 'triggered_webhooks')).toBe(3);
    return new URL(first.json()._links.self.href).pathname;
  };

  it('deletes the verification', async () => {
    const path = await setUp();
    await broker.delete(path);
    expect(await rows(broker.app, 'verifications')).toBe(1);
    expect((await broker.get(path)).statusCode).toBe(404);
    // Its triggered webhook went with it; the pact's and the other result's stay.
    expect(await rows(broker.app, 'triggered_webhooks')).toBe(2);
    const matrix = (await broker.get('/matrix?q[][pacticipant]=Foo')).json();
    expect(matrix.matrix.map((row: { provider: { version: { number: string } } }) => row.provider.version.number)).toEqual(['3']);
  });

  it('returns a 204 response', async () => {
    const path = await setUp();
    const response = await broker.delete(path);
    expect(response.statusCode).toBe(204);
    expect((await broker.delete(path)).statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { rows } from '../rows.ts';
import { freshBroker, HAL } from '../support.ts';
import { webhookOnEverything } from '../webhook-setup.ts';

describe('spec/features/delete_pact_spec.rb', () => {
  const broker = freshBroker({ webhooks: { run: false } });
  const path = '/pacts/provider/A%20Provider/consumer/A%20Consumer/version/1.2.3';

  describe('when the pact exists', () => {
    const setUp = async () => {
      await webhookOnEverything(broker.app);
      await publish(broker.app, { consumer: 'A Consumer', provider: 'A Provider', version: '1.2.3' });
      expect(await rows(broker.app, 'triggered_webhooks')).toBe(1);
    };

    it('deletes the pact', async () => {
      await setUp();
      await publish(broker.app, { consumer: 'A Consumer', provider: 'A Provider', version: '1.2.4', interactions: ['b'] });
      const before = await rows(broker.app, 'pact_publications');
      await broker.delete(path);
      expect(await rows(broker.app, 'pact_publications')).toBe(before - 1);
      expect((await broker.get(path)).statusCode).toBe(404);
      // The pact's triggered webhook went with it; the other version's stays.
      expect(await rows(broker.app, 'triggered_webhooks')).toBe(1);
      expect((await broker.get(path.replace('1.2.3', '1.2.4'))).statusCode).toBe(200);
    });

    it('returns a 200', async () => {
      await setUp();
      const response = await broker.delete(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
      // pact_resource_methods.rb: the index, and no latest pact left to link to.
      expect(response.json()._links).toEqual({ index: { href: 'http://broker.test/' } });
    });

    it('links to the latest pact still there', async () => {
      await setUp();
      await publish(broker.app, { consumer: 'A Consumer', provider: 'A Provider', version: '1.0.0', interactions: ['b'] });
      const body = (await broker.delete(path)).json();
      expect(body._links['pb:latest-pact-version']).toEqual({
        href: 'http://broker.test/pacts/provider/A%20Provider/consumer/A%20Consumer/latest',
        title: 'Latest pact',
      });
    });
  });

  it('when the pact does not exist: returns a 404 Not Found', async () => {
    const response = await broker.delete(path);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_PACT_NOT_FOUND');
  });
});

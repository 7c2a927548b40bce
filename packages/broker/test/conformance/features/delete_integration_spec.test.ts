import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_integration_spec.rb', () => {
  const broker = freshBroker();
  const path = '/integrations/provider/Bar/consumer/Foo';

  describe('when the integration exists', () => {
    it('deletes the resource associated with the integration; returns a 204', async () => {
      await publish(broker.app, { consumer: 'Foo', version: '1.2.3', provider: 'Bar' });
      await publish(broker.app, { consumer: 'Foo', version: '1.2.3', provider: 'Baz' });
      expect((await broker.get('/metrics')).json().pactPublications.count).toBe(2);
      const response = await broker.delete(path);
      expect(response.statusCode).toBe(204);
      expect((await broker.get('/metrics')).json().pactPublications.count).toBe(1);
      expect((await broker.get('/pacts/provider/Bar/consumer/Foo/version/1.2.3')).statusCode).toBe(404);
      expect((await broker.get('/pacts/provider/Baz/consumer/Foo/version/1.2.3')).statusCode).toBe(200);
    });
  });

  it('when the integration does not exist: returns a 404 Not Found', async () => {
    const response = await broker.delete(path);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_INTEGRATION_NOT_FOUND');
  });
});

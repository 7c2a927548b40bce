import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { rows } from '../rows.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_pact_versions_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Bar/consumer/Foo/versions';

  describe('when the pact exists', () => {
    const setUp = async () => {
      await publish(broker.app, { consumer: 'Foo', providers: ['Bar', 'Baz'], version: '1.2.3' });
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1.2.4', interactions: ['b'] });
    };

    it('deletes the pacts', async () => {
      await setUp();
      expect(await rows(broker.app, 'pact_publications')).toBe(3);
      await broker.delete(path);
      // Both of Foo's pacts for Bar go; its pact for Baz stays.
      expect(await rows(broker.app, 'pact_publications')).toBe(1);
      expect((await broker.get('/pacts/provider/Baz/consumer/Foo/version/1.2.3')).statusCode).toBe(200);
      expect((await broker.get('/pacts/provider/Bar/consumer/Foo/latest')).statusCode).toBe(404);
    });

    it('returns a 204', async () => {
      await setUp();
      const response = await broker.delete(path);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
    });
  });

  it('when the pact does not exist: returns a 404 Not Found', async () => {
    expect((await broker.delete(path)).statusCode).toBe(404);
  });
});

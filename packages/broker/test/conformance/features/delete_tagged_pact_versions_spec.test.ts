import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { rows } from '../rows.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_tagged_pact_versions_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Bar/consumer/Foo/tag/prod';

  describe('when the pact exists', () => {
    const setUp = async () => {
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1.2.3', tags: ['prod'] });
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1.2.4', interactions: ['b'] });
    };

    it('deletes the pact', async () => {
      await setUp();
      await broker.delete(path);
      expect(await rows(broker.app, 'pact_publications')).toBe(1);
      expect((await broker.get('/pacts/provider/Bar/consumer/Foo/latest/prod')).statusCode).toBe(404);
      expect((await broker.get('/pacts/provider/Bar/consumer/Foo/version/1.2.4')).statusCode).toBe(200);
    });

    it('returns a 200', async () => {
      await setUp();
      const response = await broker.delete(path);
      expect(response.statusCode).toBe(200);
      expect(response.json()._links['pb:latest-pact-version'].href).toMatch(/\/consumer\/Foo\/latest$/);
    });
  });

  it('when the pact does not exist: returns a 404 Not Found', async () => {
    expect((await broker.delete(path)).statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { rows } from '../rows.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_pact_versions_for_branch_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Bar/consumer/Foo/branch/main';

  describe('when the pact exists', () => {
    const setUp = async () => {
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1', branch: 'main' });
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '2', branch: 'not-main', interactions: ['b'] });
      await publish(broker.app, { consumer: 'NotFoo', provider: 'Bar', version: '1', branch: 'main' });
    };

    it('deletes the pacts for the relevant branch', async () => {
      await setUp();
      await broker.delete(path);
      expect(await rows(broker.app, 'pact_publications')).toBe(2);
      expect((await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).statusCode).toBe(404);
      expect((await broker.get('/pacts/provider/Bar/consumer/Foo/version/2')).statusCode).toBe(200);
      expect((await broker.get('/pacts/provider/Bar/consumer/NotFoo/version/1')).statusCode).toBe(200);
    });

    it('returns a 200', async () => {
      await setUp();
      const response = await broker.delete(path);
      expect(response.statusCode).toBe(200);
      expect(response.json()._links.index.href).toBe('http://broker.test/');
    });
  });

  it('when the pact does not exist: returns a 404 Not Found', async () => {
    expect((await broker.delete(path)).statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

// Names are always case sensitive here (the real broker's default, `use_case_sensitive_resource_names`): the
// examples that turn sensitivity off are the difference the README notes.
describe('spec/features/get_pact_spec.rb', () => {
  const broker = freshBroker();

  describe('when differing case is used in the consumer and provider names', () => {
    it('when case sensitivity is turned on: returns a 404 Not found', async () => {
      await publish(broker.app, { consumer: 'A Consumer', provider: 'A Provider', version: '1.2.3a' });
      expect((await broker.get('/pacts/provider/A%20Provider/consumer/A%20Consumer/version/1.2.3a')).statusCode).toBe(
        200,
      );
      const response = await broker.get('/pacts/provider/a%20provider/consumer/a%20consumer/version/1.2.3A');
      expect(response.statusCode).toBe(404);
    });
  });

  describe('when differing case is used in the tag name', () => {
    it('when case sensitivity is turned on: returns a 404 Not found', async () => {
      await publish(broker.app, { consumer: 'A Consumer', provider: 'A Provider', version: '1.2.3', tags: ['prod'] });
      expect((await broker.get('/pacts/provider/A%20Provider/consumer/A%20Consumer/latest/prod')).statusCode).toBe(200);
      expect((await broker.get('/pacts/provider/A%20Provider/consumer/A%20Consumer/latest/PROD')).statusCode).toBe(404);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_latest_untagged_pact_spec.rb', () => {
  const broker = freshBroker();

  it('returns the latest untagged pact version', async () => {
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '1.2.3' });
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '4.5.6', tags: ['prod'] });
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/latest-untagged');
    expect(response.statusCode).toBe(200);
    expect(response.json()._links.self.href).toMatch(/\/1\.2\.3$/);
    expect(response.headers['x-pact-consumer-version']).toBe('1.2.3');
  });

  it('with no untagged pact: returns a 404', async () => {
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '4.5.6', tags: ['prod'] });
    expect((await broker.get('/pacts/provider/Provider/consumer/Consumer/latest-untagged')).statusCode).toBe(404);
  });
});

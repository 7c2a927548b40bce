import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_latest_tagged_pact_spec.rb', () => {
  const broker = freshBroker();

  it('returns the latest tagged pact version', async () => {
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '1.2.3', tags: ['prod'] });
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '4.5.6' });
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/latest/prod');
    expect(response.statusCode).toBe(200);
    expect(response.json()._links.self.href).toMatch(/\/1\.2\.3$/);
  });
});

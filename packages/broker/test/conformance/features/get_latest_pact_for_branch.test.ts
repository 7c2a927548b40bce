import { describe, expect, it } from 'vitest';
import { pact, publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_latest_pact_for_branch.rb', () => {
  const broker = freshBroker();

  it('returns the latest pact for the branch', async () => {
    const c = { consumer: 'Consumer', provider: 'Provider' };
    await publish(broker.app, { ...c, version: '1', branch: 'main' });
    await publish(broker.app, {
      ...c,
      version: '2',
      branch: 'main',
      content: pact('Consumer', 'Provider', ['a request for an alligator']),
    });
    await publish(broker.app, { ...c, version: '3', branch: 'foo', interactions: ['on foo'] });
    // Version 4 is on main but has no pact.
    await broker.put('/pacticipants/Consumer/branches/main/versions/4');
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/branch/main/latest');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body._links.self.href).toMatch(/\/2$/);
    expect(body.interactions).toHaveLength(1);
    expect(body.interactions[0].description).toBe('a request for an alligator');
  });
});

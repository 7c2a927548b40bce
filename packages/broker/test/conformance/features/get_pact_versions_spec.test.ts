import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_pact_versions_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Provider/consumer/Consumer/versions';

  describe('when the pacts exist', () => {
    const twoPacts = async () => {
      await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '1.0.0' });
      await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '1.0.1', interactions: ['x'] });
    };

    it('returns a 200 response', async () => {
      await twoPacts();
      const response = await broker.get(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
    });

    it('returns a list of links to the pacts', async () => {
      await twoPacts();
      const links = (await broker.get(path)).json()._links['pact-versions'];
      expect(links).toHaveLength(2);
      // pact_versions_decorator.rb: latest first, each named by its version and date.
      expect(links.map((l: { href: string }) => l.href.split('/').pop())).toEqual(['1.0.1', '1.0.0']);
      expect(links[0]).toMatchObject({ title: 'Pact', name: expect.stringMatching(/^Version 1\.0\.1 - \d\d\/\d\d\/\d{4}$/) });
    });
  });

  it('when the pacts do not exist: returns a 404 response', async () => {
    const response = await broker.get(path);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { path as pathOf, publish } from '../../helpers/broker.ts';
import { abPact, interaction } from '../pact-fixtures.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_previous_distinct_version.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Provider/consumer/Consumer/version/3/previous-distinct';
  const get = abPact([interaction('a request')], 'Consumer', 'Provider');
  const post = abPact([{ ...interaction('a request'), request: { method: 'post', path: '/a-request' } }], 'Consumer', 'Provider');
  // Versions 2 and 3 publish the same content; 1 differs.
  const setUp = async () => {
    for (const [version, content] of [['1', get], ['2', post], ['3', post]] as const) {
      await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version, content });
    }
  };

  describe('when the pact version exists', () => {
    it('returns a 200 HAL JSON response', async () => {
      await setUp();
      const response = await broker.get(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
    });

    it('returns the JSON representation of the version', async () => {
      await setUp();
      const body = (await broker.get(path)).json();
      expect(body._links.self.href).toMatch(/\/1$/);
      expect(body.interactions[0].request.method).toBe('GET');
      // The pact links to it.
      const pact = (await broker.get('/pacts/provider/Provider/consumer/Consumer/version/3')).json();
      expect(pathOf(pact._links['pb:previous-distinct'].href)).toBe(path);
    });
  });

  it('when the version does not exist: returns a 404 response', async () => {
    await setUp();
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/version/1/previous-distinct');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_PACT_NOT_FOUND');
  });
});

import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/publish_not_a_pact_spec.rb', () => {
  const broker = freshBroker();
  // The real spec uses the older `/versions/` spelling of the pact URL, kept for compatibility.
  const path = '/pacts/provider/A%20Provider/consumer/A%20Consumer/versions/1.2.3';
  const put = (payload: string) =>
    broker.app.inject({
      method: 'PUT',
      url: path,
      payload,
      headers: { 'content-type': 'application/json' },
    } as InjectOptions);

  describe("when the pact is another type of CDC that doesn't have the Consumer or Provider names in the expected places", () => {
    it('accepts the un-pact Pact; returns the content; returns _links', async () => {
      const response = await put(JSON.stringify({ a: 'not pact' }));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ a: 'not pact' });
      expect(response.json()._links.self.href).toMatch(/\/version\/1\.2\.3$/);
      const stored = await broker.get('/pacts/provider/A%20Provider/consumer/A%20Consumer/version/1.2.3');
      expect(stored.json().a).toBe('not pact');
    });
  });

  // A pact here is a JSON object: the broker adds its _links to it, and no pact reader takes an array (README).
  describe('when the content is an array', () => {
    it('(differs on purpose) refuses the array, a 400 saying what is expected', async () => {
      const response = await put('[1]');
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.body[0]).toContain('JSON object');
    });
  });
});

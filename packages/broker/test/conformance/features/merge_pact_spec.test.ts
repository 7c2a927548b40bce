import { describe, expect, it } from 'vitest';
import { abPact, interaction } from '../pact-fixtures.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/merge_pact_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/A%20Provider/consumer/A%20Consumer/version/1.2.3';
  const incoming = abPact([interaction('a request for a thing')]);
  const patch = (to = path, body: unknown = incoming) => broker.patch(to, body);

  describe('when a pact for this consumer version does not exist', () => {
    it('returns a 201 Created; returns a json body; returns the pact in the body', async () => {
      const response = await patch();
      expect(response.statusCode).toBe(201);
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json()).toMatchObject({ consumer: incoming.consumer, provider: incoming.provider });
      expect(response.json().interactions).toMatchObject(incoming.interactions);
    });
  });

  describe('when a pact for this consumer version does exist', () => {
    const existing = abPact([interaction('an existing request')]);

    it('returns a 200 Success; returns the merged pact in the response body', async () => {
      await broker.put(path, existing);
      const response = await patch();
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json().interactions.map((i: { description: string }) => i.description)).toEqual([
        'an existing request',
        'a request for a thing',
      ]);
    });

    it('with a conflicting request: returns a 409 Conflict', async () => {
      await broker.put(path, abPact([interaction('a request for a thing', '/a-different-path')]));
      const response = await patch();
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('BROKER_MERGE_CONFLICT');
      expect(response.json().message).toContain('a request for a thing');
    });

    // merger.rb: only the request decides a conflict; a new response replaces the old one.
    it('with the same request and a different response: merges, the new response replacing the old', async () => {
      await broker.put(path, abPact([interaction('a request for a thing', '/a-request-for-a-thing', 404)]));
      const response = await patch();
      expect(response.statusCode).toBe(200);
      expect(response.json().interactions).toHaveLength(1);
      expect(response.json().interactions[0].response.status).toBe(200);
    });
  });

  it('when the pacticipant names in the path do not match those in the pact: returns a json error response', async () => {
    const response = await patch('/pacts/provider/Another%20Provider/consumer/A%20Consumer/version/1.2.3');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('does not match');
  });
});

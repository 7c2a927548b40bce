import { describe, expect, it } from 'vitest';
import { abPact, interaction } from '../pact-fixtures.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/publish_pact_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/A%20Provider/consumer/A%20Consumer/version/1.2.3';
  const content = abPact([interaction('a request for a thing')]);
  const put = (to = path, body: unknown = content) => broker.put(to, body);

  describe('when a pact for this consumer version does not exist', () => {
    it('returns a 201 Created; returns a json body; returns the pact in the body', async () => {
      const response = await put();
      expect(response.statusCode).toBe(201);
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json().interactions).toMatchObject(content.interactions);
    });
  });

  describe('when a pact for this consumer version does exist, when pact modification is not allowed', () => {
    it('status 409; the body says it cannot change the content', async () => {
      await put(path, abPact([interaction('something else')]));
      const response = await put();
      expect(response.statusCode).toBe(409);
      expect(response.body).toContain('Cannot change the content of the pact for A Consumer version 1.2.3');
    });

    it('with an empty body: status 400', async () => {
      await put();
      const response = await broker.app.inject({
        method: 'PUT',
        url: path,
        payload: '',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(400);
    });
  });

  it('when the pacticipant names in the path do not match those in the pact: returns a json error response', async () => {
    const response = await put('/pacts/provider/Another%20Provider/consumer/A%20Consumer/version/1.2.3');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('does not match');
  });

  describe('when the pacticipant name is an almost duplicate of an existing pacticipant name', () => {
    it('when duplicate checking is on: returns a 409', async () => {
      await broker.post('/pacticipants', { name: 'A Provider Service' });
      const response = await put();
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('BROKER_POTENTIAL_DUPLICATE_PACTICIPANT');
      expect(response.json().message).toContain('"A Provider Service"');
    });
  });
});

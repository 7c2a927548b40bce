import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_version_spec.rb', () => {
  const broker = freshBroker();

  describe('when the version exists', () => {
    const seed = async () => {
      await broker.put('/pacticipants/Another%20Consumer/versions/1.0.0');
      await broker.put('/pacticipants/Consumer/versions/1.2.3', { tags: [{ name: 'prod' }] });
      await broker.put('/pacticipants/Consumer/versions/1.2.4');
    };

    it('returns a 200 HAL JSON response', async () => {
      await seed();
      const response = await broker.get('/pacticipants/Consumer/versions/1.2.3');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
    });

    it('returns the JSON representation of the version', async () => {
      await seed();
      const body = (await broker.get('/pacticipants/Consumer/versions/1.2.3')).json();
      expect(body.number).toBe('1.2.3');
      expect(body._embedded.tags.map((t: { name: string }) => t.name)).toEqual(['prod']);
    });
  });

  describe('when the version does not exist', () => {
    it('returns a 404 response', async () => {
      await broker.put('/pacticipants/Consumer/versions/1.2.4');
      const response = await broker.get('/pacticipants/Consumer/versions/1.2.3');
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('BROKER_VERSION_NOT_FOUND');
    });
  });
});

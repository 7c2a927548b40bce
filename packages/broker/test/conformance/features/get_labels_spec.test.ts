import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_labels_spec.rb', () => {
  const broker = freshBroker();
  const setUp = async () => {
    for (const pacticipant of ['foo', 'bar']) {
      for (const label of ['ios', 'consumer']) await broker.put(`/pacticipants/${pacticipant}/labels/${label}`);
    }
  };

  describe('when labels exists', () => {
    it('returns a 200 OK; returns the labels in the body', async () => {
      await setUp();
      const response = await broker.get('/labels');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
      expect(
        response
          .json()
          ._embedded.labels.map((l: { name: string }) => l.name)
          .sort(),
      ).toEqual(['consumer', 'ios']);
    });

    it('with pagination options: only returns the number of items specified in the page; a paginated response', async () => {
      await setUp();
      const body = (await broker.get('/labels?size=1&page=1')).json();
      expect(body._embedded.labels).toHaveLength(1);
      expect(body._links).toHaveProperty('next');
      expect(body.page).toEqual({ number: 1, size: 1, totalElements: 2, totalPages: 2 });
      const second = (await broker.get('/labels?size=1&page=2')).json();
      expect(second._embedded.labels[0].name).not.toBe(body._embedded.labels[0].name);
      expect(second._links).not.toHaveProperty('next');
    });

    it('with invalid pagination options: an invalid pagination params response', async () => {
      const response = await broker.get('/labels?size=0&page=x');
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().errors).sort()).toEqual(['page', 'size']);
    });
  });
});

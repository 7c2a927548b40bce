import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_pacticipants_spec.rb', () => {
  const broker = freshBroker();

  describe('when pacticipants exist', () => {
    const setUp = async () => {
      for (const name of ['Foo', 'Bar', 'someOther']) await broker.post('/pacticipants', { name });
    };

    it('returns a 200 OK', async () => {
      await setUp();
      const response = await broker.get('/pacticipants');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json()._embedded.pacticipants).toHaveLength(3);
    });

    it('does not to contain page details', async () => {
      await setUp();
      const body = (await broker.get('/pacticipants')).json();
      expect(body).not.toHaveProperty('page');
      expect(body._links).not.toHaveProperty('next');
    });

    describe('with pagination options', () => {
      it('only returns the number of items specified in the page', async () => {
        await setUp();
        const body = (await broker.get('/pacticipants?size=2&page=1')).json();
        expect(body._links.pacticipants.map((l: { name: string }) => l.name)).toEqual(['Bar', 'Foo']);
        const second = (await broker.get('/pacticipants?size=2&page=2')).json();
        expect(second._links.pacticipants.map((l: { name: string }) => l.name)).toEqual(['someOther']);
        expect(second._links.previous.href).toBe('http://broker.test/pacticipants?size=2&page=1');
      });

      it('a paginated response: includes the pagination relations; includes the page details', async () => {
        await setUp();
        const body = (await broker.get('/pacticipants?size=2&page=1')).json();
        expect(body._links.next.href).toBe('http://broker.test/pacticipants?size=2&page=2');
        expect(body.page).toEqual({ number: 1, size: 2, totalElements: 3, totalPages: 2 });
      });
    });
  });
});

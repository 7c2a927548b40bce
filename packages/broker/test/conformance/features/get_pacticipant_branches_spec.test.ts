import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_pacticipant_branches_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacticipants/Foo/branches';
  const setUp = async () => {
    await broker.put('/pacticipants/Foo/branches/main/versions/1');
    await broker.put('/pacticipants/Foo/branches/feat%2Fbar/versions/2');
    await broker.put('/pacticipants/Foo/branches/feat%2Ffoo/versions/3');
  };
  const names = (list: { name: string }[]) => list.map((b) => b.name);

  it('is a HAL JSON success response; returns a list of branches', async () => {
    await setUp();
    const response = await broker.get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(names(response.json()._embedded.branches)).toEqual(['feat/foo', 'feat/bar', 'main']);
  });

  it('a page: includes the page details', async () => {
    await setUp();
    expect((await broker.get(path)).json().page).toEqual({ number: 1, size: 100, totalElements: 3, totalPages: 1 });
  });

  describe('with pagination options', () => {
    it('only returns the number of items specified in the size', async () => {
      await setUp();
      const body = (await broker.get(`${path}?size=2&number=1`)).json();
      expect(names(body._links['pb:branches'])).toEqual(['feat/foo', 'feat/bar']);
    });

    it('a paginated response: includes the pagination relations; includes the page details', async () => {
      await setUp();
      const body = (await broker.get(`${path}?size=2&number=1`)).json();
      expect(body._links.next.href).toBe('http://broker.test/pacticipants/Foo/branches?size=2&page=2');
      expect(body.page).toEqual({ number: 1, size: 2, totalElements: 3, totalPages: 2 });
    });
  });

  it('with filter options: returns a list of branches matching the filter', async () => {
    await setUp();
    const body = (await broker.get(`${path}?q=feat`)).json();
    expect(names(body._embedded.branches)).toEqual(['feat/foo', 'feat/bar']);
    expect(body.page.totalElements).toBe(2);
    // The filter is literal text: a LIKE wildcard in it matches only itself.
    expect((await broker.get(`${path}?q=%25`)).json()._embedded.branches).toEqual([]);
  });

  it('when the pacticipant does not exist: status 404', async () => {
    expect((await broker.get('/pacticipants/Bar/branches')).statusCode).toBe(404);
  });
});

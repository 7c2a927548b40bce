import { beforeEach, describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_branch_versions_spec.rb', () => {
  const broker = freshBroker();
  const url = '/pacticipants/Foo/branches/main/versions';

  beforeEach(async () => {
    for (const [pacticipant, version, branch] of [
      ['Foo', '1', 'main'],
      ['Foo', '2', 'main'],
      ['Foo', '3', 'foo'],
      ['Foo', '4', 'main'],
      ['Bar', '1', 'main'],
    ]) {
      await broker.put(`/pacticipants/${pacticipant}/branches/${branch}/versions/${version}`);
    }
  });

  it('is a HAL JSON success response', async () => {
    const response = await broker.get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the branch versions', async () => {
    const body = (await broker.get(url)).json();
    expect(body._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['4', '2', '1']);
    expect(body._links.self.title).toBe('Versions for branch main of Foo');
  });

  it('when the branch does not exist: returns 404', async () => {
    const response = await broker.get('/pacticipants/Foo/branches/cat/versions');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_BRANCH_NOT_FOUND');
  });

  describe('with pagination options', () => {
    const paged = async () => (await broker.get(`${url}?size=2&page=1`)).json();

    it('only returns the number of items specified in the size', async () => {
      expect((await paged())._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['4', '2']);
    });

    it('a paginated response: includes the pagination relations', async () => {
      expect((await paged())._links.next.href).toMatch(/\/branches\/main\/versions\?size=2&page=2$/);
    });

    it('a paginated response: includes the page details', async () => {
      expect((await paged()).page).toEqual({ number: 1, size: 2, totalElements: 3, totalPages: 2 });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_latest_version_for_branch_spec.rb', () => {
  const broker = freshBroker();

  const seed = async () => {
    await broker.put('/pacticipants/Foo/branches/main/versions/1');
    await broker.put('/pacticipants/Foo/branches/main/versions/2');
    await broker.put('/pacticipants/Foo/branches/not-main/versions/3');
  };

  it('is a HAL JSON success response', async () => {
    await seed();
    const response = await broker.get('/pacticipants/Foo/branches/main/latest-version');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the latest version for the branch', async () => {
    await seed();
    const body = (await broker.get('/pacticipants/Foo/branches/main/latest-version')).json();
    expect(body.number).toBe('2');
    expect(body._links.self.href).toMatch(/\/pacticipants\/Foo\/branches\/main\/latest-version$/);
  });

  it('a branch that does not exist has no latest version', async () => {
    await seed();
    const response = await broker.get('/pacticipants/Foo/branches/cat/latest-version');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_BRANCH_NOT_FOUND');
  });
});

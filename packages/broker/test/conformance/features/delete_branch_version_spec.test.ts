import { beforeEach, describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_branch_version_spec.rb', () => {
  const broker = freshBroker();

  beforeEach(async () => {
    for (const [pacticipant, version, branch] of [
      ['foo', '1234', 'main'],
      ['foo', '1234', 'not-main'],
      ['foo', '555', 'main'],
      ['bar', '1234', 'main'],
    ]) {
      await broker.put(`/pacticipants/${pacticipant}/branches/${branch}/versions/${version}`);
    }
  });

  const onBranch = async (pacticipant: string, branch: string) =>
    (await broker.get(`/pacticipants/${pacticipant}/branches/${branch}/versions`))
      .json()
      ._embedded.versions.map((v: { number: string }) => v.number);

  it('returns a 204 response', async () => {
    expect((await broker.delete('/pacticipants/foo/branches/main/versions/1234')).statusCode).toBe(204);
  });

  it('deletes the branch version', async () => {
    await broker.delete('/pacticipants/foo/branches/main/versions/1234');
    expect(await onBranch('foo', 'main')).toEqual(['555']);
    expect(await onBranch('foo', 'not-main')).toEqual(['1234']);
    expect(await onBranch('bar', 'main')).toEqual(['1234']);
    expect((await broker.get('/pacticipants/foo/branches/main/versions/1234')).statusCode).toBe(404);
    // The version itself stays.
    expect((await broker.get('/pacticipants/foo/versions/1234')).json().branches).toEqual(['not-main']);
  });

  it('when the branch version does not exist: returns 404', async () => {
    const missing = await broker.delete('/pacticipants/foo/branches/main/versions/888');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('BROKER_VERSION_NOT_FOUND');
    // A version that exists, but not on this branch, is no branch version either.
    await broker.put('/pacticipants/foo/versions/777');
    expect((await broker.delete('/pacticipants/foo/branches/main/versions/777')).statusCode).toBe(404);
  });
});

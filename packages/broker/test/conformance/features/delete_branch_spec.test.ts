import { beforeEach, describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_branch_spec.rb', () => {
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

  const branchNames = async (pacticipant: string) =>
    (await broker.get(`/pacticipants/${pacticipant}/branches`))
      .json()
      ._embedded.branches.map((b: { name: string }) => b.name)
      .sort();
  const versionNumbers = async (pacticipant: string) =>
    (await broker.get(`/pacticipants/${pacticipant}/versions`))
      .json()
      ._embedded.versions.map((v: { number: string }) => v.number);

  it('returns a 204 response', async () => {
    expect((await broker.delete('/pacticipants/foo/branches/main')).statusCode).toBe(204);
  });

  it('deletes the branch', async () => {
    await broker.delete('/pacticipants/foo/branches/main');
    expect(await branchNames('foo')).toEqual(['not-main']);
    expect(await branchNames('bar')).toEqual(['main']);
    expect((await broker.get('/pacticipants/foo/branches/main')).statusCode).toBe(404);
    // The versions no longer name the branch.
    const version = (await broker.get('/pacticipants/foo/versions/555')).json();
    expect(version.branches).toEqual([]);
    expect(version._embedded.branchVersions).toEqual([]);
  });

  it('does not delete the pacticipant versions', async () => {
    await broker.delete('/pacticipants/foo/branches/main');
    expect(await versionNumbers('foo')).toEqual(['555', '1234']);
  });

  it('when the branch version does not exist: returns 404', async () => {
    const response = await broker.delete('/pacticipants/waffle/branches/main');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_PACTICIPANT_NOT_FOUND');
    expect((await broker.delete('/pacticipants/foo/branches/waffle')).json().code).toBe('BROKER_BRANCH_NOT_FOUND');
  });

  it('when there is some flag to indicate that the versions should be deleted too: deletes the branch', async () => {
    // The real example that deletes the versions as well is pending there; like the real broker, the flag is
    // accepted and the versions stay.
    const response = await broker.app.inject({
      method: 'DELETE',
      url: '/pacticipants/foo/branches/main',
      payload: { deletedAssociatedVersions: true },
    });
    expect(response.statusCode).toBe(204);
    expect(await branchNames('foo')).toEqual(['not-main']);
    expect(await versionNumbers('foo')).toEqual(['555', '1234']);
  });
});

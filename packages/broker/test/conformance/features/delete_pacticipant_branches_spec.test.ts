import { describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_pacticipant_branches_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacticipants/Foo/branches';

  const setUp = async () => {
    await broker.put('/pacticipants/Bar/branches/main/versions/1');
    await broker.post('/pacticipants', { name: 'Foo', mainBranch: 'main' });
    await broker.put('/pacticipants/Foo/branches/main/versions/1');
    await broker.put('/pacticipants/Foo/branches/feat%2Fbar/versions/2');
    await broker.put('/pacticipants/Foo/branches/feat%2Ffoo/versions/3');
  };
  const branchesOf = async (name: string) =>
    (await broker.get(`/pacticipants/${name}/branches`))
      .json()
      ._embedded.branches.map((b: { name: string }) => b.name)
      .sort();
  const deleteExcluding = () => broker.delete(`${path}?exclude[]=feat%2Fbar`);

  it('status 202', async () => {
    await setUp();
    expect((await deleteExcluding()).statusCode).toBe(202);
  });

  it('returns a list of notices to be displayed to the user', async () => {
    await setUp();
    const { notices } = (await deleteExcluding()).json();
    expect(notices).toEqual([
      {
        type: 'success',
        text: 'Scheduled deletion of 1 branches for pacticipant Foo. Remaining branches are: main, feat/bar',
      },
    ]);
  });

  it('after the request, it deletes all except the excluded branches for a pacticipant', async () => {
    await setUp();
    expect(await branchesOf('Foo')).toEqual(['feat/bar', 'feat/foo', 'main']);
    await deleteExcluding();
    expect(await branchesOf('Foo')).toEqual(['feat/bar', 'main']);
    // The versions stay, and another pacticipant's branches are untouched.
    expect((await broker.get('/pacticipants/Foo/versions/3')).statusCode).toBe(200);
    expect(await branchesOf('Bar')).toEqual(['main']);
  });
});

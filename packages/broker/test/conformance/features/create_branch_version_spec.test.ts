import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/create_branch_version_spec.rb', () => {
  const broker = freshBroker();
  const put = (path = '/pacticipants/Foo/branches/main/versions/1234') => broker.put(path, {});

  it('returns a 201 response; returns a HAL JSON Content Type', async () => {
    const response = await put();
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('when the branch version already exists: status 200', async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1234', branch: 'main' });
    expect((await put()).statusCode).toBe(200);
  });

  it('with a percentage in the version number: returns a 201 response', async () => {
    expect((await put('/pacticipants/foo/branches/main/versions/%25DATE%25_%25TIME%25')).statusCode).toBe(201);
    expect((await broker.get('/pacticipants/foo/versions/%25DATE%25_%25TIME%25')).json().number).toBe('%DATE%_%TIME%');
  });

  // pacticipants/service.rb maybe_set_main_branch, called from branch_version_repository.rb add_branch.
  it('auto-detects the main branch: a first branch named develop, main or master becomes it', async () => {
    await put('/pacticipants/Bar/branches/feat-x/versions/1');
    expect((await broker.get('/pacticipants/Bar')).json().mainBranch).toBeNull();
    await put('/pacticipants/Bar/branches/main/versions/2');
    expect((await broker.get('/pacticipants/Bar')).json().mainBranch).toBe('main');
    await put('/pacticipants/Bar/branches/develop/versions/3');
    expect((await broker.get('/pacticipants/Bar')).json().mainBranch).toBe('main');
  });

  // tags/service.rb create also calls maybe_set_main_branch with the tag name.
  it('auto-detects the main branch from a tag named like one', async () => {
    await broker.put('/pacticipants/Baz/versions/1/tags/master', {});
    expect((await broker.get('/pacticipants/Baz')).json().mainBranch).toBe('master');
  });
});

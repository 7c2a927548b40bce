import { describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/tag_version_spec.rb', () => {
  const broker = freshBroker();

  it('when the pacticipant/version/tag do not exist: creates a tag', async () => {
    const response = await broker.app.inject({
      method: 'PUT',
      url: '/pacticipants/Foo/versions/1.2.3/tags/feat%2Fbar',
    });
    expect(response.statusCode).toBe(201);
    expect(
      (await broker.get('/pacticipants/Foo/versions/1.2.3')).json().tags.map((t: { name: string }) => t.name),
    ).toEqual(['feat/bar']);
  });
});

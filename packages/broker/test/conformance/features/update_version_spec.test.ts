import { beforeEach, describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/update_version_spec.rb', () => {
  const broker = freshBroker();
  const url = '/pacticipants/Foo/versions/1234';
  let original: { createdAt: string };

  const send = (method: 'PUT' | 'PATCH', payload: unknown, contentType: string) =>
    broker.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { 'content-type': contentType },
    });
  const stored = async () => (await broker.get(url)).json();
  const tagNames = (body: { _embedded: { tags: { name: string }[] } }) => body._embedded.tags.map((t) => t.name);

  const seed = async () => {
    await broker.put(url, { branch: 'original-branch', buildUrl: 'original-build-url', tags: [{ name: 'dev' }] });
    original = await stored();
  };

  describe('with a PATCH', () => {
    const patch = (payload: unknown) => send('PATCH', payload, 'application/merge-patch+json');

    describe('when the version already exists', () => {
      beforeEach(seed);

      it('returns a 200', async () => {
        expect((await patch({ buildUrl: 'new-build-url' })).statusCode).toBe(200);
      });

      it("does not overwrites any properties that weren't specified", async () => {
        const body = (await patch({ buildUrl: 'new-build-url' })).json();
        expect(body.buildUrl).toBe('new-build-url');
        expect(body.branches).toEqual(['original-branch']);
      });

      it('when no tags are specified: does not change the tags', async () => {
        await patch({ buildUrl: 'new-build-url' });
        expect(tagNames(await stored())).toEqual(['dev']);
      });

      it('when tags are specified: overwrites the tags', async () => {
        const body = (await patch({ tags: [{ name: 'main' }] })).json();
        expect(tagNames(body)).toEqual(['main']);
        expect(body.buildUrl).toBe('original-build-url');
      });

      it('does not change the created date', async () => {
        await patch({ buildUrl: 'new-build-url' });
        expect((await stored()).createdAt).toBe(original.createdAt);
      });
    });

    it('when using a PATCH with application/json: returns 415', async () => {
      const response = await send('PATCH', { buildUrl: 'new-build-url' }, 'application/json');
      expect(response.statusCode).toBe(415);
      expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect((await broker.get(url)).statusCode).toBe(404);
    });

    it('when using a PUT with application/merge-patch+json: returns 415', async () => {
      const response = await send('PUT', { buildUrl: 'new-build-url' }, 'application/merge-patch+json');
      expect(response.statusCode).toBe(415);
      expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('with a PUT', () => {
    const put = (payload: unknown) => send('PUT', payload, 'application/json');

    describe('when the version already exists', () => {
      beforeEach(seed);

      it('when no tags are specified: does not change the tags', async () => {
        expect((await put({ buildUrl: 'new-build-url' })).statusCode).toBe(200);
        expect(tagNames(await stored())).toEqual(['dev']);
      });

      it('when tags are specified: overwrites the tags', async () => {
        const body = (await put({ branch: 'original-branch', tags: [{ name: 'main' }] })).json();
        expect(tagNames(body)).toEqual(['main']);
        expect(tagNames(await stored())).toEqual(['main']);
      });

      it('does not change the created date', async () => {
        await put({ buildUrl: 'new-build-url' });
        expect((await stored()).createdAt).toBe(original.createdAt);
      });
    });
  });
});

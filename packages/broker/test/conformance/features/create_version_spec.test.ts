import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/create_version_spec.rb', () => {
  const broker = freshBroker();
  const url = '/pacticipants/Foo/versions/1234';
  const version = { buildUrl: 'http://build', tags: [{ name: 'foo' }, { name: 'bar' }] };
  const tagNames = async () =>
    (await broker.get(url))
      .json()
      ._embedded.tags.map((t: { name: string }) => t.name)
      .sort();

  for (const [verb, send] of [
    ['PUT', () => broker.put(url, version)],
    ['PATCH', () => broker.patch(url, version)],
  ] as const) {
    describe(`with a ${verb}`, () => {
      it('returns a 201 response', async () => {
        expect((await send()).statusCode).toBe(201);
      });

      it('returns a HAL JSON Content Type', async () => {
        expect((await send()).headers['content-type']).toBe(HAL);
      });

      it('returns the newly created version', async () => {
        const body = (await send()).json();
        expect(body.buildUrl).toBe('http://build');
        expect(body.number).toBe('1234');
        expect(body._embedded.tags).toHaveLength(2);
      });

      it('creates the specified tags', async () => {
        await send();
        expect(await tagNames()).toEqual(['bar', 'foo']);
      });
    });
  }
});

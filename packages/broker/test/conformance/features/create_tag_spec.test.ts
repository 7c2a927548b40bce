import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/create_tag_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacticipants/Foo/versions/1234/tags/foo';

  it('returns a 201 response; returns a HAL JSON Content Type; returns the newly created tag', async () => {
    const response = await broker.put(path, {});
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()).toMatchObject({ name: 'foo' });
  });

  it('when the tag already exists: returns a 200 response', async () => {
    await broker.put(path, {});
    expect((await broker.put(path, {})).statusCode).toBe(200);
  });

  it('when there is an environment with a matching name: creates a deployed version', async () => {
    const uuid = (await broker.post('/environments', { name: 'foo', production: false })).json().uuid;
    await broker.put(path, {});
    const deployed = (await broker.get(`/environments/${uuid}/deployed-versions/currently-deployed`)).json();
    expect(
      deployed._embedded.deployedVersions.map(
        (d: { _embedded: { version: { number: string } } }) => d._embedded.version.number,
      ),
    ).toEqual(['1234']);
    await broker.put(path, {});
    expect(
      (await broker.get(`/environments/${uuid}/deployed-versions/currently-deployed`)).json()._embedded
        .deployedVersions,
    ).toHaveLength(1);
  });
});

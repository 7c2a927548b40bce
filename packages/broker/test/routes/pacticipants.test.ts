import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publish, testBroker } from '../helpers/broker.ts';

describe('pacticipants, versions, tags and branches', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await testBroker();
  });
  afterEach(() => app.close());

  it('creates, reads, lists, patches, replaces and deletes pacticipants', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/pacticipants',
      payload: { name: 'Foo', repositoryUrl: 'http://foo' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Foo',
      repositoryUrl: 'http://foo',
      _links: { self: { href: 'http://broker.test/pacticipants/Foo' } },
    });
    expect((await app.inject({ method: 'POST', url: '/pacticipants', payload: { name: 'Foo' } })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: '/pacticipants', payload: {} })).json().errors).toEqual({
      name: ['is missing'],
    });

    const patched = await app.inject({
      method: 'PATCH',
      url: '/pacticipants/Foo',
      headers: { 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ mainBranch: 'main', display_name: 'The Foo' }),
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ repositoryUrl: 'http://foo', mainBranch: 'main', displayName: 'The Foo' });

    const createdByPatch = await app.inject({
      method: 'PATCH',
      url: '/pacticipants/Pricing%20Service',
      payload: { repository_url: 'git@x' },
    });
    expect(createdByPatch.statusCode).toBe(201);
    expect(createdByPatch.json()._links.self.href).toBe('http://broker.test/pacticipants/Pricing%20Service');

    const replaced = await app.inject({ method: 'PUT', url: '/pacticipants/Foo', payload: { displayName: 'F' } });
    expect(replaced.json()).toMatchObject({ displayName: 'F', repositoryUrl: null, mainBranch: null });

    const list = (await app.inject('/pacticipants')).json();
    expect(list._embedded.pacticipants.map((p: { name: string }) => p.name)).toEqual(['Foo', 'Pricing Service']);
    expect(list._links['pb:pacticipants'].map((l: { title: string }) => l.title)).toEqual(['Foo', 'Pricing Service']);

    expect((await app.inject({ method: 'DELETE', url: '/pacticipants/Foo' })).statusCode).toBe(204);
    const gone = await app.inject('/pacticipants/Foo');
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({
      code: 'BROKER_PACTICIPANT_NOT_FOUND',
      message: "No pacticipant with name 'Foo' found",
    });
  });

  it('shows the latest version and the templated links the verifier needs', async () => {
    await publish(app, { consumer: 'Foo', version: '1' });
    await publish(app, { consumer: 'Foo', version: '2' });
    const foo = (await app.inject('/pacticipants/Foo')).json();
    expect(foo._embedded['latest-version']).toMatchObject({
      number: '2',
      _links: { self: { href: 'http://broker.test/pacticipants/Foo/versions/2' } },
    });
    expect(foo._links['pb:branch-version']).toMatchObject({
      href: 'http://broker.test/pacticipants/Foo/branches/{branch}/versions/{version}',
      templated: true,
    });
    expect(foo._links['pb:version-tag']).toMatchObject({
      href: 'http://broker.test/pacticipants/Foo/versions/{version}/tags/{tag}',
      templated: true,
    });
    expect(foo._links.versions.href).toBe('http://broker.test/pacticipants/Foo/versions');
  });

  it('creates, reads, lists and deletes versions', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/pacticipants/Foo/versions/1.0.0',
      payload: { branch: 'main', buildUrl: 'http://ci/1', tags: [{ name: 'dev' }] },
    });
    expect(put.statusCode).toBe(201);
    expect(put.json()).toMatchObject({
      number: '1.0.0',
      buildUrl: 'http://ci/1',
      branches: ['main'],
      tags: [{ name: 'dev' }],
    });
    expect((await app.inject({ method: 'PUT', url: '/pacticipants/Foo/versions/1.0.0', payload: {} })).statusCode).toBe(
      200,
    );
    await app.inject({ method: 'PUT', url: '/pacticipants/Foo/versions/1.1.0', payload: { tags: ['prod'] } });
    const list = (await app.inject('/pacticipants/Foo/versions')).json();
    expect(list._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['1.1.0', '1.0.0']);
    expect((await app.inject('/pacticipants/Foo/latest-version')).json().number).toBe('1.1.0');
    expect((await app.inject('/pacticipants/Foo/latest-version/dev')).json().number).toBe('1.0.0');
    expect((await app.inject('/pacticipants/Foo/latest-version/nope')).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/pacticipants/Foo/versions/1.1.0' })).statusCode).toBe(204);
    expect((await app.inject('/pacticipants/Foo/versions/1.1.0')).json().code).toBe('BROKER_VERSION_NOT_FOUND');
  });

  it('tags versions: 201 when new (creating pacticipant and version), 200 when already there', async () => {
    const created = await app.inject({
      method: 'PUT',
      url: '/pacticipants/Condor/versions/1.3.0/tags/prod',
      payload: {},
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()._links.self.href).toBe('http://broker.test/pacticipants/Condor/versions/1.3.0/tags/prod');
    expect(
      (await app.inject({ method: 'PUT', url: '/pacticipants/Condor/versions/1.3.0/tags/prod', payload: {} }))
        .statusCode,
    ).toBe(200);
    expect((await app.inject('/pacticipants/Condor/versions/1.3.0/tags/prod')).json().name).toBe('prod');
    expect(
      (await app.inject({ method: 'DELETE', url: '/pacticipants/Condor/versions/1.3.0/tags/prod' })).statusCode,
    ).toBe(204);
    expect((await app.inject('/pacticipants/Condor/versions/1.3.0/tags/prod')).json().code).toBe(
      'BROKER_TAG_NOT_FOUND',
    );
  });

  it('adds versions to branches (names with slashes), lists and deletes branches', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/pacticipants/Bar/branches/feat%2F1234/versions/1234',
      payload: {},
    });
    expect(put.statusCode).toBe(201);
    expect(put.json()._links.self.href).toBe('http://broker.test/pacticipants/Bar/branches/feat%2F1234/versions/1234');
    expect(
      (await app.inject({ method: 'PUT', url: '/pacticipants/Bar/branches/feat%2F1234/versions/1234', payload: {} }))
        .statusCode,
    ).toBe(200);
    await app.inject({ method: 'PUT', url: '/pacticipants/Bar/branches/feat%2F1234/versions/1235', payload: {} });
    const branch = (await app.inject('/pacticipants/Bar/branches/feat%2F1234')).json();
    expect(branch).toMatchObject({ name: 'feat/1234', latestVersion: { number: '1235' } });
    expect(
      (await app.inject('/pacticipants/Bar/branches')).json()._embedded.branches.map((b: { name: string }) => b.name),
    ).toEqual(['feat/1234']);
    const versions = (await app.inject('/pacticipants/Bar/branches/feat%2F1234/versions')).json();
    expect(versions._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['1235', '1234']);
    expect((await app.inject('/pacticipants/Bar/branches/feat%2F1234/versions/1234')).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'DELETE', url: '/pacticipants/Bar/branches/feat%2F1234/versions/1235' })).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/pacticipants/Bar/branches/feat%2F1234' })).statusCode).toBe(
      204,
    );
    expect((await app.inject('/pacticipants/Bar/branches/feat%2F1234')).json().code).toBe('BROKER_BRANCH_NOT_FOUND');
    expect((await app.inject('/pacticipants/Bar/versions/1234')).statusCode).toBe(200);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pact, publish, shaOf, testBroker, verifyPact } from '../helpers/broker.ts';

describe('pact resources', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await testBroker();
    await publish(app, { consumer: 'Foo', version: '1', tags: ['prod'], branch: 'main' });
    await publish(app, { consumer: 'Foo', version: '2', branch: 'feat/x', interactions: ['newer'] });
  });
  afterEach(() => app.close());

  it('serves a pact by consumer version with broker ids, createdAt and the links verifiers follow', async () => {
    const response = await app.inject('/pacts/provider/Bar/consumer/Foo/version/1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-pact-consumer-version']).toBe('1');
    const body = response.json();
    const sha = await shaOf(app, 'Bar', 'Foo', '1');
    expect(body.consumer).toEqual({ name: 'Foo' });
    expect(Object.keys(body.interactions[0])[0]).toBe('_id');
    expect(body.createdAt).toMatch(/^\d{4}-/);
    // The results link carries the consumer version (metadata `s[][cv]=1`), for the webhooks the result triggers.
    expect(body._links['pb:publish-verification-results'].href).toBe(
      `http://broker.test/pacts/provider/Bar/consumer/Foo/pact-version/${sha}/metadata/c1tdW2N2XT0x/verification-results`,
    );
    expect(body._links['pb:pact-version']).toMatchObject({ name: sha });
  });

  it('serves the pact-version permalink, keeping the metadata segment in the results link', async () => {
    const sha = await shaOf(app, 'Bar', 'Foo', '1');
    const plain = await app.inject(`/pacts/provider/Bar/consumer/Foo/pact-version/${sha}`);
    expect(plain.json().interactions).toHaveLength(1);
    const withMetadata = await app.inject(`/pacts/provider/Bar/consumer/Foo/pact-version/${sha}/metadata/dz10cnVl`);
    expect(withMetadata.json()._links['pb:publish-verification-results'].href).toBe(
      `http://broker.test/pacts/provider/Bar/consumer/Foo/pact-version/${sha}/metadata/dz10cnVl/verification-results`,
    );
    expect((await app.inject(`/pacts/provider/Bar/consumer/Foo/pact-version/${'0'.repeat(40)}`)).statusCode).toBe(404);
  });

  it('serves the latest pact, the latest with a tag and the latest on a branch (branch names may hold a slash)', async () => {
    expect((await app.inject('/pacts/provider/Bar/consumer/Foo/latest')).headers['x-pact-consumer-version']).toBe('2');
    expect((await app.inject('/pacts/provider/Bar/consumer/Foo/latest/prod')).headers['x-pact-consumer-version']).toBe(
      '1',
    );
    const branch = await app.inject('/pacts/provider/Bar/consumer/Foo/branch/feat%2Fx/latest');
    expect(branch.headers['x-pact-consumer-version']).toBe('2');
    const missing = await app.inject('/pacts/provider/Bar/consumer/Foo/latest/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('BROKER_PACT_NOT_FOUND');
    expect((await app.inject('/pacts/provider/Nobody/consumer/Foo/latest')).statusCode).toBe(404);
  });

  it('lists the latest pacts of every integration and of a provider (the older verifier flow)', async () => {
    await publish(app, { consumer: 'Baz', version: '7', provider: 'Bar' });
    const latest = (await app.inject('/pacts/latest')).json();
    expect(
      latest.pacts.map(
        (p: { _embedded: { consumer: { name: string; _embedded: { version: { number: string } } } } }) => [
          p._embedded.consumer.name,
          p._embedded.consumer._embedded.version.number,
        ],
      ),
    ).toEqual([
      ['Baz', '7'],
      ['Foo', '2'],
    ]);
    const provider = (await app.inject('/pacts/provider/Bar/latest')).json();
    expect(provider._links.pacts.map((l: { name: string }) => l.name)).toEqual(['Baz', 'Foo']);
    expect(provider._links['pb:pacts']).toEqual(provider._links.pacts);
    expect(provider._links['pb:pacts'][1]).toEqual({
      href: 'http://broker.test/pacts/provider/Bar/consumer/Foo/version/2',
      title: 'Pact between Foo (v2) and Bar',
      name: 'Foo',
    });
    const tagged = (await app.inject('/pacts/provider/Bar/latest/prod')).json();
    expect(tagged._links.pacts.map((l: { href: string }) => l.href)).toEqual([
      'http://broker.test/pacts/provider/Bar/consumer/Foo/version/1',
    ]);
  });

  it('publishes with the legacy PUT (201, then 200) and merges with PATCH', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/pacts/provider/Bar/consumer/Foo/version/3',
      payload: pact('Foo', 'Bar', ['x']),
    });
    expect(put.statusCode).toBe(201);
    const again = await app.inject({
      method: 'PUT',
      url: '/pacts/provider/Bar/consumer/Foo/version/3',
      payload: pact('Foo', 'Bar', ['x']),
    });
    expect(again.statusCode).toBe(200);
    const conflict = await app.inject({
      method: 'PUT',
      url: '/pacts/provider/Bar/consumer/Foo/version/3',
      payload: pact('Foo', 'Bar', ['y']),
    });
    expect(conflict.statusCode).toBe(409);
    const patch = await app.inject({
      method: 'PATCH',
      url: '/pacts/provider/Bar/consumer/Foo/version/3',
      payload: pact('Foo', 'Bar', ['y']),
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().interactions.map((i: { description: string }) => i.description)).toEqual(['x', 'y']);
  });

  it('records verification results against the content, readable back by number', async () => {
    const result = await verifyPact(app, {
      consumer: 'Foo',
      consumerVersion: '1',
      providerVersion: '9',
      success: true,
    });
    expect(result.statusCode).toBe(201);
    const body = result.json();
    expect(body).toMatchObject({ providerName: 'Bar', providerApplicationVersion: '9', success: true, wip: false });
    expect(result.headers.location).toBe(body._links.self.href);
    const read = await app.inject(body._links.self.href.replace('http://broker.test', ''));
    expect(read.json()).toMatchObject({ success: true, providerApplicationVersion: '9' });
    const latest = await app.inject(body._links.self.href.replace('http://broker.test', '').replace(/\/1$/, '/latest'));
    expect(latest.json().providerApplicationVersion).toBe('9');
  });

  it('validates verification results', async () => {
    const sha = await shaOf(app, 'Bar', 'Foo', '1');
    const response = await app.inject({
      method: 'POST',
      url: `/pacts/provider/Bar/consumer/Foo/pact-version/${sha}/verification-results`,
      payload: { success: 'yes' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual({
      success: ['must be boolean'],
      providerApplicationVersion: ['is missing'],
    });
    const unknown = await app.inject({
      method: 'POST',
      url: `/pacts/provider/Bar/consumer/Foo/pact-version/${'1'.repeat(40)}/verification-results`,
      payload: { success: true, providerApplicationVersion: '1' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('accepts results for the latest pact at the consumer-level URL (the compatibility suite flow)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/pacts/provider/Bar/consumer/Foo/verification-results',
      payload: {
        success: false,
        providerApplicationVersion: '0.0.0',
        testResults: [{ interactionId: 'x', success: false }],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().testResults).toEqual([{ interactionId: 'x', success: false }]);
  });
});

describe('pact collections behind the index relations', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await testBroker();
    await publish(app, { consumer: 'Foo', version: '1', branch: 'main', tags: ['prod'] });
    await publish(app, { consumer: 'Foo', version: '2', branch: 'main', interactions: ['two'] });
    await publish(app, { consumer: 'Foo', version: '3', branch: 'feat', interactions: ['three'] });
    await publish(app, { consumer: 'Baz', version: '7', branch: 'master' });
  });
  afterEach(() => app.close());

  const listed = async (url: string) =>
    ((await app.inject(url)).json()._links['pb:pacts'] as { title: string }[]).map((l) =>
      l.title.replace(/^Pact between /, ''),
    );

  it('lists a provider’s pacts: all, by tag, by main branch or branch, and the latest of those', async () => {
    expect(await listed('/pacts/provider/Bar')).toEqual([
      'Baz (7) and Bar',
      'Foo (3) and Bar',
      'Foo (2) and Bar',
      'Foo (1) and Bar',
    ]);
    expect(await listed('/pacts/provider/Bar/tag/prod')).toEqual(['Foo (1) and Bar']);
    expect(await listed('/pacts/provider/Bar/branch')).toEqual([
      'Baz (7) and Bar',
      'Foo (2) and Bar',
      'Foo (1) and Bar',
    ]);
    expect(await listed('/pacts/provider/Bar/branch/latest')).toEqual(['Baz (7) and Bar', 'Foo (2) and Bar']);
    expect(await listed('/pacts/provider/Bar/branch/feat')).toEqual(['Foo (3) and Bar']);
    expect(await listed('/pacts/provider/Bar/branch/main/latest')).toEqual(['Foo (2) and Bar']);
    expect((await app.inject('/pacts/provider/Nobody/branch')).statusCode).toBe(404);
  });

  it('lists the versions of one integration’s pact', async () => {
    const versions = async (url: string) =>
      (await app.inject(url))
        .json()
        ._embedded.pacts.map(
          (p: { _embedded: { consumerVersion: { number: string } } }) => p._embedded.consumerVersion.number,
        );
    expect(await versions('/pacts/provider/Bar/consumer/Foo/versions')).toEqual(['3', '2', '1']);
    expect(await versions('/pacts/provider/Bar/consumer/Foo/tag/prod')).toEqual(['1']);
    // Branch lists run oldest first, as the real broker's (get_pact_publications_for_branch_spec.rb).
    expect(await versions('/pacts/provider/Bar/consumer/Foo/branch/versions')).toEqual(['1', '2']);
    expect(await versions('/pacts/provider/Bar/consumer/Foo/branch/latest/versions')).toEqual(['2']);
    expect(await versions('/pacts/provider/Bar/consumer/Foo/branch/main')).toEqual(['1', '2']);
    expect(await versions('/pacts/provider/Bar/consumer/Foo/branch/feat/latest/versions')).toEqual(['3']);
  });
});

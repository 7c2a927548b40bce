import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pact, publish, publishBody, shaOf, testBroker } from '../helpers/broker.ts';

describe('POST /contracts/publish', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await testBroker();
  });
  afterEach(() => app.close());

  it('creates pacticipants, version, branch, tags and the pact, and links to them', async () => {
    const response = await publish(app, { consumer: 'Foo', version: '1.0.0', branch: 'main', tags: ['dev', 'prod'] });
    expect(response.headers['content-type']).toBe('application/hal+json;charset=utf-8');
    const body = response.json();
    expect(body._embedded.version.number).toBe('1.0.0');
    expect(body._links['pb:pacticipant-version-tags'].map((t: { name: string }) => t.name)).toEqual(['dev', 'prod']);
    expect(body._links['pb:contracts']).toEqual([
      {
        href: 'http://broker.test/pacts/provider/Bar/consumer/Foo/version/1.0.0',
        title: 'Pact',
        name: 'Pact between Foo (1.0.0) and Bar',
      },
    ]);
    expect(body.notices).toEqual([
      { type: 'debug', text: 'Created Foo version 1.0.0 with branch main and tags dev, prod' },
      { type: 'success', text: 'Pact published for Foo version 1.0.0 and provider Bar.' },
    ]);
    expect(body.logs.length).toBeGreaterThan(0);

    const foo = (await app.inject('/pacticipants/Foo')).json();
    expect(foo.mainBranch).toBe('main');
    const version = (await app.inject('/pacticipants/Foo/versions/1.0.0')).json();
    expect(version.branches).toEqual(['main']);
    expect(version.tags).toEqual([{ name: 'dev' }, { name: 'prod' }]);
    expect((await app.inject('/pacticipants/Bar')).statusCode).toBe(200);
  });

  it('stores the build URL and publishes to several providers at once', async () => {
    const body = {
      ...publishBody({ consumer: 'Foo', version: '1', providers: ['Bar', 'Baz'] }),
      buildUrl: 'http://ci/1',
    };
    const response = await app.inject({ method: 'POST', url: '/contracts/publish', payload: body });
    expect(response.statusCode).toBe(200);
    expect(response.json()._links['pb:contracts']).toHaveLength(2);
    expect((await app.inject('/pacticipants/Foo/versions/1')).json().buildUrl).toBe('http://ci/1');
  });

  it('deduplicates content: versions publishing the same pact share one pact version', async () => {
    await publish(app, { consumer: 'Foo', version: '1' });
    await publish(app, {
      consumer: 'Foo',
      version: '2',
      content: {
        ...pact('Foo', 'Bar'),
        metadata: { pactSpecification: { version: '2.0.0' }, client: { version: 'x' } },
      },
    });
    await publish(app, { consumer: 'Foo', version: '3', interactions: ['something else'] });
    const [one, two, three] = [
      await shaOf(app, 'Bar', 'Foo', '1'),
      await shaOf(app, 'Bar', 'Foo', '2'),
      await shaOf(app, 'Bar', 'Foo', '3'),
    ];
    expect(two).toBe(one);
    expect(three).not.toBe(one);
  });

  it('accepts the same content again for the same version', async () => {
    await publish(app, { consumer: 'Foo', version: '1' });
    const again = await publish(app, { consumer: 'Foo', version: '1' });
    expect(again.json().notices[1].text).toBe(
      'Pact for Foo version 1 and provider Bar was already published with the same content.',
    );
  });

  it('answers 409 when a version republishes different content, and stores nothing of that request', async () => {
    await publish(app, { consumer: 'Foo', version: '1' });
    const response = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      payload: publishBody({
        consumer: 'Foo',
        version: '1',
        tags: ['new-tag'],
        providers: ['Baz', 'Bar'],
        interactions: ['changed'],
      }),
    });
    expect(response.statusCode).toBe(409);
    const body = response.json();
    expect(body.code).toBe('BROKER_CONTRACT_CONFLICT');
    expect(body.errors.contracts[0]).toMatch(
      /^Cannot change the content of the pact for Foo version 1 and provider Bar/,
    );
    expect(body.notices[1]).toEqual({
      type: 'info',
      text: 'Interactions changed:\n- a request for something\n+ changed',
    });
    expect((await app.inject('/pacticipants/Baz')).statusCode).toBe(404);
    expect((await app.inject('/pacticipants/Foo/versions/1/tags/new-tag')).statusCode).toBe(404);
  });

  it('merges with onConflict: merge', async () => {
    await publish(app, { consumer: 'Foo', version: '1', interactions: ['a'] });
    const merged = await publish(app, { consumer: 'Foo', version: '1', interactions: ['b'], onConflict: 'merge' });
    expect(merged.json().notices[1].text).toBe(
      'Pact merged with the existing pact for Foo version 1 and provider Bar.',
    );
    const stored = (await app.inject('/pacts/provider/Bar/consumer/Foo/version/1')).json();
    expect(stored.interactions.map((i: { description: string }) => i.description)).toEqual(['a', 'b']);
  });

  it('answers 400 with every problem by field, and stores nothing', async () => {
    const body = publishBody({ consumer: 'Foo', version: '1' });
    const bad = {
      ...body,
      pacticipantVersionNumber: ' ',
      tags: ['ok', ''],
      contracts: [
        { ...body.contracts[0], consumerName: 'Other', specification: 'oas', content: 'not base64!' },
        { ...body.contracts[0], content: Buffer.from('[1]').toString('base64') },
        { ...body.contracts[0], content: Buffer.from('{"consumer":{"name":"Nope"}}').toString('base64') },
      ],
    };
    const response = await app.inject({ method: 'POST', url: '/contracts/publish', payload: bad });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      statusCode: 400,
      code: 'BROKER_INVALID_REQUEST',
      errors: {
        pacticipantVersionNumber: ["can't be blank"],
        'tags[1]': ["can't be blank"],
        'contracts[0].consumerName': ["must match pacticipantName ('Foo')"],
        'contracts[0].specification': ["must be 'pact'"],
        'contracts[0].content': ['is not valid Base64'],
        'contracts[1].content': ['must be a JSON object'],
        'contracts[2].content': ["consumer name in the pact ('Nope') must match consumerName ('Foo')"],
      },
    });
    expect((await app.inject('/pacticipants')).json()._embedded.pacticipants).toEqual([]);
  });

  it('answers 400 for a body that is not an object or lacks required fields', async () => {
    const missing = await app.inject({ method: 'POST', url: '/contracts/publish', payload: {} });
    expect(missing.json().errors).toEqual({
      pacticipantName: ['is missing'],
      pacticipantVersionNumber: ['is missing'],
      contracts: ['is missing'],
    });
    const array = await app.inject({ method: 'POST', url: '/contracts/publish', payload: [1] });
    expect(array.statusCode).toBe(400);
    const malformed = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(malformed.statusCode).toBe(400);
  });
});

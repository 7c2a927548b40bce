import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pact, publishBody, testBroker } from '../helpers/broker.ts';

/** JSON text nested `depth` levels deep, alternating objects and arrays (built as text: too deep to stringify). */
const nested = (depth: number): string => {
  let text = '"bottom"';
  for (let i = 0; i < depth; i++) text = i % 2 === 0 ? `{"a":${text}}` : `[${text}]`;
  return text;
};

/** A pact of about `bytes` bytes: one interaction whose response body is a long string. */
const sizedPact = (consumer: string, bytes: number) => {
  const base = pact(consumer, 'Bar');
  const padding = 'x'.repeat(Math.max(0, bytes - JSON.stringify(base).length - 20));
  return { ...base, interactions: [{ ...base.interactions[0], response: { status: 200, body: padding } }] };
};

describe('body size', () => {
  const LIMIT = 1024 * 1024;
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testBroker({ bodyLimit: LIMIT });
  });
  afterAll(() => app.close());

  it('answers a body over the limit with 413 BROKER_BODY_TOO_LARGE, in the error shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      payload: publishBody({ consumer: 'Foo', version: '1', content: sizedPact('Foo', LIMIT) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      statusCode: 413,
      code: 'BROKER_BODY_TOO_LARGE',
      error: 'Payload Too Large',
      message: `The request body is larger than this broker accepts (${LIMIT} bytes); raise BROKER_BODY_LIMIT to allow it`,
      details: { limit: LIMIT },
    });
    expect((await app.inject('/pacticipants')).json()._embedded.pacticipants).toEqual([]);
  });

  it('publishes up to the limit through POST /contracts/publish and the legacy PUT', async () => {
    // base64 makes the pact 4/3 larger: the largest pact that fits, with room for the envelope.
    const viaPublish = publishBody({
      consumer: 'Foo',
      version: '1',
      content: sizedPact('Foo', (LIMIT * 3) / 4 - 2048),
    });
    expect(JSON.stringify(viaPublish).length).toBeGreaterThan(LIMIT - 4096);
    const published = await app.inject({ method: 'POST', url: '/contracts/publish', payload: viaPublish });
    expect(published.statusCode).toBe(200);

    const viaPut = JSON.stringify(sizedPact('Foo', LIMIT - 64));
    expect(viaPut.length).toBeLessThanOrEqual(LIMIT);
    const put = await app.inject({
      method: 'PUT',
      url: '/pacts/provider/Bar/consumer/Foo/version/2',
      headers: { 'content-type': 'application/json' },
      payload: viaPut,
    });
    expect(put.statusCode).toBe(201);
    const fetched = await app.inject('/pacts/provider/Bar/consumer/Foo/version/2');
    expect(fetched.json().interactions[0].response.body.length).toBe(
      sizedPact('Foo', LIMIT - 64).interactions[0]?.response.body.length,
    );
  });
});

describe('large pacts through POST /contracts/publish', () => {
  it('publishes a 4 MB pact (the Base64 check used to overflow the stack at about 3 MB)', async () => {
    const app = await testBroker({ bodyLimit: 8 * 1024 * 1024 });
    try {
      const content = sizedPact('Foo', 4 * 1024 * 1024);
      const response = await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        payload: publishBody({ consumer: 'Foo', version: '1', content }),
      });
      expect(response.statusCode).toBe(200);
      const fetched = await app.inject('/pacts/provider/Bar/consumer/Foo/version/1');
      expect(fetched.json().interactions[0].response.body).toBe(content.interactions[0]?.response.body);
    } finally {
      await app.close();
    }
  });
});

describe('JSON nesting', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testBroker();
    const seeded = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      payload: publishBody({ consumer: 'Foo', version: '1' }),
    });
    expect(seeded.statusCode).toBe(200);
  });
  afterAll(() => app.close());

  const deepPact = (depth: number): string => {
    const base = pact('Foo', 'Bar');
    const text = JSON.stringify({
      ...base,
      interactions: [{ ...base.interactions[0], response: { status: 200, body: 'BODY' } }],
    });
    return text.replace('"BODY"', nested(depth));
  };
  const publishText = (version: string, content: string) =>
    JSON.stringify(publishBody({ consumer: 'Foo', version })).replace(
      /"content":"[^"]*"/,
      `"content":"${Buffer.from(content).toString('base64')}"`,
    );
  const json = { 'content-type': 'application/json' };

  it('refuses pact content nested 5,000 deep with 400 BROKER_JSON_TOO_DEEP', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      headers: json,
      payload: publishText('2', deepPact(5000)),
    });
    expect(response.json()).toMatchObject({
      statusCode: 400,
      code: 'BROKER_JSON_TOO_DEEP',
      message: 'contracts[0].content nests objects and arrays more than 50 levels deep',
    });
    expect((await app.inject('/pacticipants/Foo/versions/2')).statusCode).toBe(404);
  });

  it('refuses a legacy PUT and verification results nested 5,000 deep', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/pacts/provider/Bar/consumer/Foo/version/3',
      headers: json,
      payload: deepPact(5000),
    });
    expect(put.json()).toMatchObject({ statusCode: 400, code: 'BROKER_JSON_TOO_DEEP' });
    const result = await app.inject({
      method: 'POST',
      url: '/pacts/provider/Bar/consumer/Foo/verification-results',
      headers: json,
      payload: `{"success":true,"providerApplicationVersion":"1","testResults":${nested(5000)}}`,
    });
    expect(result.json()).toMatchObject({ statusCode: 400, code: 'BROKER_JSON_TOO_DEEP' });
  });

  it('accepts 50 levels, the limit', async () => {
    // The pact itself takes 4 levels (pact, interactions, interaction, response) above the body.
    const response = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      headers: json,
      payload: publishText('4', deepPact(46)),
    });
    expect(response.statusCode).toBe(200);
    const tooDeep = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      headers: json,
      payload: publishText('5', deepPact(47)),
    });
    expect(tooDeep.json().code).toBe('BROKER_JSON_TOO_DEEP');
  });
});

describe('name and version lengths', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testBroker();
  });
  afterAll(() => app.close());

  it('refuses names, versions, branches and tags over 200 characters at publish, by field', async () => {
    const long = 'n'.repeat(9000);
    const response = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      payload: publishBody({ consumer: long, version: long, provider: long, branch: long, tags: [long] }),
    });
    expect(response.statusCode).toBe(400);
    const problem = 'must be at most 200 characters long (it has 9000)';
    expect(response.json()).toMatchObject({
      code: 'BROKER_INVALID_REQUEST',
      errors: {
        pacticipantName: [problem],
        pacticipantVersionNumber: [problem],
        branch: [problem],
        'tags[0]': [problem],
        'contracts[0].providerName': [problem],
      },
    });
    expect((await app.inject('/pacticipants')).json()._embedded.pacticipants).toEqual([]);
  });

  it('counts characters, not UTF-16 units: 200 emoji are fine, 201 are not', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      payload: publishBody({ consumer: 'Foo', version: '😀'.repeat(200) }),
    });
    expect(ok.statusCode).toBe(200);
    const over = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      payload: publishBody({ consumer: 'Foo', version: '😀'.repeat(201) }),
    });
    expect(over.json().errors.pacticipantVersionNumber).toEqual(['must be at most 200 characters long (it has 201)']);
  });

  it('refuses control characters and unpaired surrogates', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contracts/publish',
      payload: publishBody({ consumer: 'Foo\u0000', version: '1\ud800', branch: 'a\tb' }),
    });
    expect(response.json().errors).toMatchObject({
      pacticipantName: ['must not contain control characters (tabs, line breaks, NUL, …)'],
      pacticipantVersionNumber: ['must be valid Unicode (it has an unpaired surrogate)'],
      branch: ['must not contain control characters (tabs, line breaks, NUL, …)'],
    });
  });

  it('refuses a control character in any URL parameter, not only in names (PostgreSQL cannot query a NUL)', async () => {
    const response = await app.inject(
      '/pacticipants/Foo/branches/main/latest-version/can-i-deploy/to-environment/prod%00uction',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'BROKER_INVALID_REQUEST',
      errors: { environment: ['must not contain control characters (tabs, line breaks, NUL, …)'] },
    });
  });

  it('refuses a long name in the URL of a write with 400, naming the parameter', async () => {
    const long = encodeURIComponent('é'.repeat(201));
    const response = await app.inject({
      method: 'PUT',
      url: `/pacts/provider/Bar/consumer/${long}/version/1`,
      payload: pact('x', 'Bar'),
    });
    expect(response.json()).toMatchObject({
      statusCode: 400,
      code: 'BROKER_INVALID_REQUEST',
      errors: { consumer: ['must be at most 200 characters long (it has 201)'] },
    });
    const tag = await app.inject({ method: 'PUT', url: `/pacticipants/Foo/versions/1/tags/${long}`, payload: {} });
    expect(tag.json().errors).toEqual({ tag: ['must be at most 200 characters long (it has 201)'] });
  });
});

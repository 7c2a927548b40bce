import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { publishBody, testBroker } from '../helpers/broker.ts';

/**
 * Request data must never reach Object.prototype. Before the fix, the query parser wrote `__proto__[x]=y` into
 * Object.prototype on every request, before auth, which minted credentials and broke every later request.
 * Each test removes anything that did get through, so a failure stays confined to its own test.
 */
const polluted = ['token', 'readWrite', 'readOnly', 'readOnlyToken', 'limit', 'w', 'x', 'evil'];
afterEach(() => {
  for (const key of polluted) delete (Object.prototype as Record<string, unknown>)[key];
});

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

async function withBroker(
  config: Parameters<typeof testBroker>[0],
  run: (app: FastifyInstance) => Promise<void>,
): Promise<void> {
  const app = await testBroker(config);
  await app.ready();
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

describe('prototype pollution through the query string', () => {
  it('a __proto__[token] query does not mint a read-write token', async () => {
    await withBroker({ auth: { readWrite: { username: 'ci', password: 'secret' } } }, async (app) => {
      const attack = await app.inject('/diagnostic/status/heartbeat?__proto__[token]=evil');
      expect(attack.json()).toMatchObject({ statusCode: 400, code: 'BROKER_FORBIDDEN_KEY' });
      expect(({} as Record<string, unknown>).token).toBeUndefined();
      const publish = await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        headers: { authorization: 'Bearer evil' },
        payload: publishBody({ consumer: 'Foo', version: '1' }),
      });
      expect(publish.statusCode).toBe(401);
    });
  });

  it('a __proto__[readWrite] query does not mint a basic user when only tokens are set', async () => {
    await withBroker({ auth: { token: 'write-token' } }, async (app) => {
      await app.inject(
        '/diagnostic/status/heartbeat?__proto__[readWrite][username]=x&__proto__[readWrite][password]=y',
      );
      const publish = await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        headers: { authorization: basic('x', 'y') },
        payload: publishBody({ consumer: 'Foo', version: '1' }),
      });
      expect(publish.statusCode).toBe(401);
    });
  });

  it('a __proto__[limit] query is refused and every route keeps answering', async () => {
    await withBroker({}, async (app) => {
      await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        payload: publishBody({ consumer: 'Foo', version: '1' }),
      });
      const attack = await app.inject('/pacticipants?__proto__[limit]=1');
      expect(attack.statusCode).toBe(400);
      expect(attack.json().code).toBe('BROKER_FORBIDDEN_KEY');
      for (const url of [
        '/matrix?q[][pacticipant]=Foo&q[][version]=1',
        '/pacticipants',
        '/pacts/provider/Bar/consumer/Foo/latest',
      ]) {
        expect((await app.inject(url)).statusCode, url).toBe(200);
      }
      const publish = await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        payload: publishBody({ consumer: 'Foo', version: '2' }),
      });
      expect(publish.statusCode).toBe(200);
    });
  });

  it('a __proto__[w] query does not mark later verification results as WIP', async () => {
    await withBroker({}, async (app) => {
      await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        payload: publishBody({ consumer: 'Foo', version: '1' }),
      });
      await app.inject('/?__proto__[w]=true');
      // The pact URL from for-verification carries metadata; the verifier publishes its result there.
      const selection = await app.inject({ method: 'POST', url: '/pacts/provider/Bar/for-verification', payload: {} });
      const pactUrl = new URL(selection.json()._embedded.pacts[0]._links.self.href).pathname;
      const pact = (await app.inject(pactUrl)).json();
      const resultsUrl = new URL(pact._links['pb:publish-verification-results'].href).pathname;
      expect(resultsUrl).toContain('/metadata/');
      const result = await app.inject({
        method: 'POST',
        url: resultsUrl,
        payload: { success: true, providerApplicationVersion: '1' },
      });
      expect(result.statusCode).toBe(201);
      expect(result.json().wip).toBe(false);
    });
  });

  it.each([
    '__proto__=1',
    '__proto__[x]=1',
    'q[][__proto__]=1',
    'a[b][__proto__][c]=1',
    '%5F%5Fproto%5F%5F[x]=1',
    'constructor[prototype][x]=1',
    'constructor=1',
    'q[][constructor]=1',
    'prototype[x]=1',
    'a[prototype]=1',
  ])('refuses %s with 400 BROKER_FORBIDDEN_KEY, in the error shape', async (query) => {
    await withBroker({}, async (app) => {
      const response = await app.inject(`/matrix?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ statusCode: 400, code: 'BROKER_FORBIDDEN_KEY', error: 'Bad Request' });
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('x');
    });
  });

  it('bounds the parameter count and the bracket depth', async () => {
    await withBroker({}, async (app) => {
      const many = await app.inject(`/matrix?${Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&')}`);
      expect(many.json()).toMatchObject({ statusCode: 400, code: 'BROKER_QUERY_TOO_COMPLEX' });
      const deep = await app.inject(`/matrix?a${'[b]'.repeat(33)}=1`);
      expect(deep.json()).toMatchObject({ statusCode: 400, code: 'BROKER_QUERY_TOO_COMPLEX' });
      const atLimit = await app.inject(
        `/matrix?a${'[b]'.repeat(32)}=1&${Array.from({ length: 998 }, (_, i) => `p${i}=1`).join('&')}`,
      );
      expect(atLimit.json().code).toBe('BROKER_INVALID_REQUEST');
    });
  });
});

describe('prototype pollution through JSON bodies', () => {
  it('refuses a __proto__ key anywhere in a body with 400 BROKER_FORBIDDEN_KEY', async () => {
    await withBroker({}, async (app) => {
      for (const payload of ['{"__proto__": {"x": 1}}', '{"name": "Foo", "a": [{"__proto__": {"x": 1}}]}']) {
        const response = await app.inject({
          method: 'POST',
          url: '/pacticipants',
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expect(response.json()).toMatchObject({ statusCode: 400, code: 'BROKER_FORBIDDEN_KEY' });
      }
      expect((await app.inject('/pacticipants')).json()._embedded.pacticipants).toEqual([]);
    });
  });

  it('ignores body fields named like Object.prototype members instead of reading them', async () => {
    await withBroker({}, async (app) => {
      const created = await app.inject({
        method: 'POST',
        url: '/pacticipants',
        payload: { name: 'Foo', toString: 5, constructor: 'x', hasOwnProperty: null },
      });
      expect(created.statusCode).toBe(201);
      await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        payload: publishBody({ consumer: 'Foo', version: '1', branch: 'main' }),
      });
      const selection = await app.inject({
        method: 'POST',
        url: '/pacts/provider/Bar/for-verification',
        payload: { consumerVersionSelectors: [{ mainBranch: true, toString: 'x', valueOf: 1 }] },
      });
      expect(selection.statusCode).toBe(200);
      expect(selection.json()._embedded.pacts).toHaveLength(1);
    });
  });
});

describe('credentials inherit nothing', () => {
  it('ignores credentials planted on Object.prototype after startup', async () => {
    await withBroker({ auth: { readWrite: { username: 'ci', password: 'secret' } } }, async (app) => {
      const proto = Object.prototype as Record<string, unknown>;
      proto.token = 'evil';
      proto.readOnlyToken = 'evil';
      proto.readWrite = { username: 'x', password: 'y' };
      try {
        const asToken = await app.inject({ url: '/pacticipants', headers: { authorization: 'Bearer evil' } });
        expect(asToken.statusCode).toBe(401);
        const asBasic = await app.inject({ url: '/pacticipants', headers: { authorization: basic('x', 'y') } });
        expect(asBasic.statusCode).toBe(401);
      } finally {
        for (const key of ['token', 'readOnlyToken', 'readWrite']) delete proto[key];
      }
    });
  });
});

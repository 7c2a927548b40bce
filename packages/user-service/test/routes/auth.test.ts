import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUser } from '../../src/seed/seed.ts';
import { aliceInput, bearer, createTestApp, resetWithTokens, tokens } from '../helpers/test-app.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.close();
});

beforeEach(async () => {
  await resetWithTokens(app);
  await seedUser(app.db);
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const routes: { method: Method; url: string; scope: string; payload?: object }[] = [
  { method: 'GET', url: '/users/1', scope: 'users:read' },
  { method: 'GET', url: '/users?ids=1', scope: 'users:read' },
  { method: 'POST', url: '/users', scope: 'users:write', payload: aliceInput },
  { method: 'PATCH', url: '/users/1', scope: 'users:write', payload: { name: 'Changed' } },
  { method: 'DELETE', url: '/users/1', scope: 'users:write' },
];

const missing = {
  statusCode: 401,
  code: 'AUTH_TOKEN_MISSING',
  error: 'Unauthorized',
  message: 'Send a bearer token: Authorization: Bearer <token>',
};

describe.each(routes)('$method $url', ({ method, url, scope, payload }) => {
  it.each([
    ['no Authorization header', undefined],
    ['a blank header', ''],
    ['another scheme', `Basic ${Buffer.from('user:pass').toString('base64')}`],
    ['Bearer without a token', 'Bearer '],
  ])('answers 401 AUTH_TOKEN_MISSING for %s', async (_case, authorization) => {
    const res = await app.inject({
      method,
      url,
      ...(authorization === undefined ? {} : { headers: { authorization } }),
      ...(payload ? { payload } : {}),
    });

    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="user-service"');
    expect(res.json()).toEqual(missing);
  });

  it('answers 401 AUTH_TOKEN_INVALID for an unknown token', async () => {
    const res = await app.inject({ method, url, headers: bearer('not-a-token'), ...(payload ? { payload } : {}) });

    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="user-service", error="invalid_token"');
    expect(res.json()).toEqual({
      statusCode: 401,
      code: 'AUTH_TOKEN_INVALID',
      error: 'Unauthorized',
      message: 'The bearer token is not valid',
    });
  });

  it(`answers 403 AUTH_SCOPE_MISSING naming ${scope} for a token without it`, async () => {
    const other = scope === 'users:read' ? tokens.write : tokens.read;

    const res = await app.inject({ method, url, headers: bearer(other), ...(payload ? { payload } : {}) });

    expect(res.statusCode).toBe(403);
    expect(res.headers['www-authenticate']).toBe(
      `Bearer realm="user-service", error="insufficient_scope", scope="${scope}"`,
    );
    expect(res.json()).toEqual({
      statusCode: 403,
      code: 'AUTH_SCOPE_MISSING',
      error: 'Forbidden',
      message: `The bearer token lacks the scope ${scope}`,
    });
  });

  it('lets a token with the scope through', async () => {
    const only = scope === 'users:read' ? tokens.read : tokens.write;

    const res = await app.inject({ method, url, headers: bearer(only), ...(payload ? { payload } : {}) });

    expect([200, 201, 204]).toContain(res.statusCode);
    expect(res.headers['www-authenticate']).toBeUndefined();
  });
});

describe('the bearer scheme', () => {
  it('is matched case-insensitively', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/users/1',
      headers: { authorization: `bearer ${tokens.read}` },
    });

    expect(res.statusCode).toBe(200);
  });

  it('runs before validation, so a caller without a token learns nothing about the request', async () => {
    const res = await app.inject({ method: 'GET', url: '/users/not-a-number' });

    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_TOKEN_MISSING');
  });
});

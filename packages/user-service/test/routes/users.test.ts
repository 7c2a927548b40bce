import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUser, seedUsers } from '../../src/seed/seed.ts';
import type { User } from '../../src/types.ts';
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
});

const auth = bearer(tokens.readWrite);
const createdAt = '2026-01-02T03:04:05.000Z';
const isoMillis = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function userFrom(id: number, overrides: Partial<User> = {}): User {
  return { id, ...aliceInput, status: 'active', createdAt, ...overrides };
}

describe('GET /users/:id', () => {
  it('returns the user, with exactly the fields of the contract', async () => {
    await seedUser(app.db, { ...aliceInput, createdAt });

    const res = await app.inject({ method: 'GET', url: '/users/1', headers: auth });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual(userFrom(1));
  });

  it('answers 404 USER_NOT_FOUND naming the id', async () => {
    const res = await app.inject({ method: 'GET', url: '/users/42', headers: auth });

    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'USER_NOT_FOUND',
      error: 'Not Found',
      message: 'User 42 not found',
    });
  });

  it.each(['abc', '0', '-1', '1.5', '2147483648'])('answers 400 VALIDATION_FAILED for id %s', async (id) => {
    const res = await app.inject({ method: 'GET', url: `/users/${id}`, headers: auth });

    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toHaveLength(1);
    expect(body.details[0].location).toBe('params');
    expect(body.details[0].path).toBe('/id');
  });

  it('gives the ajv details of a bad id', async () => {
    const res = await app.inject({ method: 'GET', url: '/users/0', headers: auth });

    expect(res.json()).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      error: 'Bad Request',
      message: 'params/id must be >= 1',
      details: [
        {
          location: 'params',
          path: '/id',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
          message: 'must be >= 1',
        },
      ],
    });
  });
});

describe('GET /users', () => {
  it('pages through users ordered by id, with the total', async () => {
    await seedUsers(app.db, 5);

    const res = await app.inject({ method: 'GET', url: '/users?limit=2&offset=1', headers: auth });

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((user: User) => user.id)).toEqual([2, 3]);
    expect(body).toMatchObject({ total: 5, limit: 2, offset: 1 });
  });

  it('defaults to limit 20 and offset 0', async () => {
    await seedUsers(app.db, 25);

    const body = (await app.inject({ method: 'GET', url: '/users', headers: auth })).json();

    expect(body.items.map((user: User) => user.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect({ total: body.total, limit: body.limit, offset: body.offset }).toEqual({ total: 25, limit: 20, offset: 0 });
  });

  it('returns whole users', async () => {
    await seedUser(app.db, { ...aliceInput, createdAt });

    const res = await app.inject({ method: 'GET', url: '/users', headers: auth });

    expect(res.json()).toEqual({ items: [userFrom(1)], total: 1, limit: 20, offset: 0 });
  });

  it('filters by ids, leaving unknown ids out', async () => {
    await seedUsers(app.db, 4);

    const res = await app.inject({ method: 'GET', url: '/users?ids=4,2,99,2147483648', headers: auth });

    const body = res.json();
    expect(body.items.map((user: User) => user.id)).toEqual([2, 4]);
    expect(body.total).toBe(2);
  });

  it('filters by email, case-insensitively', async () => {
    await seedUsers(app.db, [{ email: 'bob@example.com' }, { email: 'carol@example.com' }]);

    const res = await app.inject({ method: 'GET', url: '/users?email=Carol%40Example.COM', headers: auth });

    const body = res.json();
    expect(body.items.map((user: User) => user.email)).toEqual(['carol@example.com']);
    expect(body.total).toBe(1);
  });

  it('filters by status, combined with ids', async () => {
    await seedUsers(app.db, [{ status: 'suspended' }, { status: 'active' }, { status: 'suspended' }]);

    const res = await app.inject({ method: 'GET', url: '/users?status=suspended&ids=1,2', headers: auth });

    const body = res.json();
    expect(body.items.map((user: User) => user.id)).toEqual([1]);
    expect(body.total).toBe(1);
  });

  it('returns an empty page past the end, still with the total', async () => {
    await seedUsers(app.db, 2);

    const res = await app.inject({ method: 'GET', url: '/users?offset=10', headers: auth });

    expect(res.json()).toEqual({ items: [], total: 2, limit: 20, offset: 10 });
  });

  it('accepts 100 ids', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => i + 1).join(',');

    const res = await app.inject({ method: 'GET', url: `/users?ids=${ids}`, headers: auth });

    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['ids=1,,2', '/ids', 'pattern'],
    ['ids=0', '/ids', 'pattern'],
    ['ids=a', '/ids', 'pattern'],
    [`ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, '/ids', 'pattern'],
    ['limit=0', '/limit', 'minimum'],
    ['limit=101', '/limit', 'maximum'],
    ['limit=x', '/limit', 'type'],
    ['offset=-1', '/offset', 'minimum'],
    ['status=deleted', '/status', 'enum'],
  ])('answers 400 for %s', async (query, path, keyword) => {
    const res = await app.inject({ method: 'GET', url: `/users?${query}`, headers: auth });

    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(
      body.details.map((d: { location: string; path: string; keyword: string }) => [d.location, d.path, d.keyword]),
    ).toEqual([['querystring', path, keyword]]);
  });
});

describe('POST /users', () => {
  it('creates the user: 201, location, stored lower-case email, default status', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/users',
      headers: auth,
      payload: { ...aliceInput, email: 'Alice@Example.COM' },
    });

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/users/1');
    const body = res.json();
    expect(body.createdAt).toMatch(isoMillis);
    expect(body).toEqual(userFrom(1, { createdAt: body.createdAt }));

    const stored = await app.inject({ method: 'GET', url: '/users/1', headers: auth });
    expect(stored.json()).toEqual(body);
  });

  it('takes an explicit status', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/users',
      headers: auth,
      payload: { ...aliceInput, status: 'suspended' },
    });

    expect(res.json().status).toBe('suspended');
  });

  it('answers 409 USER_EMAIL_TAKEN for an email already used, whatever its case', async () => {
    await seedUser(app.db, { email: 'alice@example.com' });

    const res = await app.inject({
      method: 'POST',
      url: '/users',
      headers: auth,
      payload: { ...aliceInput, email: 'ALICE@example.com' },
    });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      statusCode: 409,
      code: 'USER_EMAIL_TAKEN',
      error: 'Conflict',
      message: 'Email alice@example.com is already used by another user',
    });
  });

  it('answers 400 with the ajv details for a missing field', async () => {
    const { email: _email, ...withoutEmail } = aliceInput;

    const res = await app.inject({ method: 'POST', url: '/users', headers: auth, payload: withoutEmail });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      error: 'Bad Request',
      message: "body must have required property 'email'",
      details: [
        {
          location: 'body',
          path: '',
          keyword: 'required',
          params: { missingProperty: 'email' },
          message: "must have required property 'email'",
        },
      ],
    });
  });

  it.each([
    ['an unknown field', { ...aliceInput, role: 'admin' }, '', 'additionalProperties'],
    [
      'an unknown address field',
      { ...aliceInput, address: { ...aliceInput.address, floor: 3 } },
      '/address',
      'additionalProperties',
    ],
    ['a bad email', { ...aliceInput, email: 'not-an-email' }, '/email', 'format'],
    ['an empty name', { ...aliceInput, name: '' }, '/name', 'minLength'],
    ['a long name', { ...aliceInput, name: 'x'.repeat(201) }, '/name', 'maxLength'],
    [
      'a lower-case country',
      { ...aliceInput, address: { ...aliceInput.address, country: 'fr' } },
      '/address/country',
      'pattern',
    ],
    ['an unknown status', { ...aliceInput, status: 'deleted' }, '/status', 'enum'],
  ])('answers 400 for %s', async (_case, payload, path, keyword) => {
    const res = await app.inject({ method: 'POST', url: '/users', headers: auth, payload });

    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(
      body.details.map((d: { location: string; path: string; keyword: string }) => [d.location, d.path, d.keyword]),
    ).toEqual([['body', path, keyword]]);
  });

  it('answers 400 MALFORMED_BODY for broken JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/users',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"name":',
    });

    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_BODY');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a non-JSON body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/users',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: 'name,email',
    });

    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('PATCH /users/:id', () => {
  it('changes only the given fields and replaces the address whole', async () => {
    await seedUser(app.db, { ...aliceInput, createdAt });
    const address = { street: '1 Long Lane', city: 'London', postalCode: 'EC1A 1BB', country: 'GB' };

    const res = await app.inject({
      method: 'PATCH',
      url: '/users/1',
      headers: auth,
      payload: { status: 'suspended', email: 'New@Example.com', address },
    });

    expect(res.statusCode).toBe(200);
    const expected = userFrom(1, { status: 'suspended', email: 'new@example.com', address });
    expect(res.json()).toEqual(expected);
    expect((await app.inject({ method: 'GET', url: '/users/1', headers: auth })).json()).toEqual(expected);
  });

  it('answers 404 for an unknown user', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/users/7', headers: auth, payload: { name: 'X' } });

    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'USER_NOT_FOUND',
      error: 'Not Found',
      message: 'User 7 not found',
    });
  });

  it("answers 409 for another user's email, and leaves the user unchanged", async () => {
    await seedUsers(app.db, [{ email: 'first@example.com', createdAt }, { email: 'second@example.com' }]);

    const res = await app.inject({
      method: 'PATCH',
      url: '/users/1',
      headers: auth,
      payload: { name: 'Changed', email: 'SECOND@example.com' },
    });

    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('USER_EMAIL_TAKEN');
    const stored = (await app.inject({ method: 'GET', url: '/users/1', headers: auth })).json();
    expect([stored.name, stored.email]).toEqual(['User 1', 'first@example.com']);
  });

  it('accepts the user keeping its own email', async () => {
    await seedUser(app.db, { email: 'same@example.com' });

    const res = await app.inject({
      method: 'PATCH',
      url: '/users/1',
      headers: auth,
      payload: { email: 'same@example.com' },
    });

    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['an empty body', {}, '', 'minProperties'],
    ['an unknown field', { id: 3 }, '', 'additionalProperties'],
    ['a partial address', { address: { city: 'Paris' } }, '/address', 'required'],
  ])('answers 400 for %s', async (_case, payload, path, keyword) => {
    await seedUser(app.db);

    const res = await app.inject({ method: 'PATCH', url: '/users/1', headers: auth, payload });

    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((d: { path: string; keyword: string }) => [d.path, d.keyword])).toEqual([[path, keyword]]);
  });

  it('answers 400 for a bad id', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/users/x', headers: auth, payload: { name: 'X' } });

    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('DELETE /users/:id', () => {
  it('deletes: 204 without a body, then 404', async () => {
    await seedUsers(app.db, 2);

    const res = await app.inject({ method: 'DELETE', url: '/users/1', headers: auth });

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await app.inject({ method: 'GET', url: '/users/1', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/users/2', headers: auth })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown user', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/users/3', headers: auth });

    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'USER_NOT_FOUND',
      error: 'Not Found',
      message: 'User 3 not found',
    });
  });

  it('answers 400 for a bad id', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/users/0', headers: auth });

    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUser } from '../../src/seed/seed.ts';
import { aliceInput, bearer, createTestApp, resetWithTokens, tokens } from '../helpers/test-app.ts';

// Inputs that pass a naive schema check and then fail in the database: numbers no database column holds, and
// NUL, which PostgreSQL text cannot store. Each must be a 400 on SQLite and on PostgreSQL (CI runs this file on both).

let app: FastifyInstance;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.close();
});

beforeEach(async () => {
  await resetWithTokens(app);
  await seedUser(app.db, { ...aliceInput, createdAt: '2026-01-02T03:04:05.000Z' });
});

const auth = bearer(tokens.readWrite);

async function snapshot() {
  const users = await app.db.selectFrom('users').selectAll().orderBy('id').execute();
  const tokenRows = await app.db.selectFrom('api_tokens').select(['token_hash', 'scopes']).orderBy('id').execute();
  return { users, tokenRows };
}

function summary(body: { code: string; details?: { location: string; path: string }[] }) {
  return { code: body.code, where: body.details?.map((d) => `${d.location}${d.path}`) };
}

const unsafeIds = ['Infinity', '-Infinity', '1e400', '9007199254740992', '9007199254740993', '1e21'];

describe('ids outside the safe integer range', () => {
  it.each(unsafeIds)('GET /users/%s is 400 VALIDATION_FAILED', async (id) => {
    const res = await app.inject({ method: 'GET', url: `/users/${id}`, headers: auth });
    expect(res.statusCode).toBe(400);
    expect(summary(res.json())).toEqual({ code: 'VALIDATION_FAILED', where: ['params/id'] });
  });

  it.each(unsafeIds)('PATCH /users/%s is 400 and changes nothing', async (id) => {
    const before = await snapshot();
    const res = await app.inject({ method: 'PATCH', url: `/users/${id}`, headers: auth, payload: { name: 'Eve' } });
    expect(res.statusCode).toBe(400);
    expect(summary(res.json())).toEqual({ code: 'VALIDATION_FAILED', where: ['params/id'] });
    expect(await snapshot()).toEqual(before);
  });

  it.each(unsafeIds)('DELETE /users/%s is 400 and deletes nothing', async (id) => {
    const before = await snapshot();
    const res = await app.inject({ method: 'DELETE', url: `/users/${id}`, headers: auth });
    expect(res.statusCode).toBe(400);
    expect(summary(res.json())).toEqual({ code: 'VALIDATION_FAILED', where: ['params/id'] });
    expect(await snapshot()).toEqual(before);
  });

  it('names the id and the rule', async () => {
    const res = await app.inject({ method: 'GET', url: '/users/Infinity', headers: auth });
    expect(res.json()).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      error: 'Bad Request',
      message: 'params/id must be a finite number, and a whole one between -(2^53 - 1) and 2^53 - 1',
      details: [
        {
          location: 'params',
          path: '/id',
          keyword: 'safeNumber',
          params: {},
          message: 'must be a finite number, and a whole one between -(2^53 - 1) and 2^53 - 1',
        },
      ],
    });
  });

  it.each([
    ['limit=Infinity', 'querystring/limit'],
    ['limit=1e400', 'querystring/limit'],
    ['offset=Infinity', 'querystring/offset'],
    ['offset=-Infinity', 'querystring/offset'],
    ['ids=9007199254740993', 'querystring/ids'],
    ['ids=1,99999999999999999999999', 'querystring/ids'],
  ])('GET /users?%s is 400 VALIDATION_FAILED', async (query, where) => {
    const res = await app.inject({ method: 'GET', url: `/users?${query}`, headers: auth });
    expect(res.statusCode).toBe(400);
    expect(summary(res.json())).toEqual({ code: 'VALIDATION_FAILED', where: [where] });
  });
});

describe('strings containing NUL', () => {
  const nul = 'a\u0000b';

  it.each([
    ['name', { ...aliceInput, email: 'new@example.com', name: nul }, 'body/name'],
    [
      'street',
      { ...aliceInput, email: 'new@example.com', address: { ...aliceInput.address, street: nul } },
      'body/address/street',
    ],
    [
      'city',
      { ...aliceInput, email: 'new@example.com', address: { ...aliceInput.address, city: nul } },
      'body/address/city',
    ],
    [
      'postalCode',
      { ...aliceInput, email: 'new@example.com', address: { ...aliceInput.address, postalCode: nul } },
      'body/address/postalCode',
    ],
  ])('POST /users with NUL in %s is 400 and stores nothing', async (_field, payload, where) => {
    const before = await snapshot();
    const res = await app.inject({ method: 'POST', url: '/users', headers: auth, payload });
    expect(res.statusCode).toBe(400);
    expect(summary(res.json())).toEqual({ code: 'VALIDATION_FAILED', where: [where] });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['name', { name: nul }, 'body/name'],
    ['city', { address: { ...aliceInput.address, city: nul } }, 'body/address/city'],
  ])('PATCH /users/1 with NUL in %s is 400 and changes nothing', async (_field, payload, where) => {
    const before = await snapshot();
    const res = await app.inject({ method: 'PATCH', url: '/users/1', headers: auth, payload });
    expect(res.statusCode).toBe(400);
    expect(summary(res.json())).toEqual({ code: 'VALIDATION_FAILED', where: [where] });
    expect(await snapshot()).toEqual(before);
  });

  it('GET /users?email= with NUL is 400', async () => {
    const res = await app.inject({ method: 'GET', url: '/users?email=a%00b%40example.com', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      error: 'Bad Request',
      message: 'querystring/email must not contain the NUL character (U+0000)',
      details: [
        {
          location: 'querystring',
          path: '/email',
          keyword: 'noNul',
          params: {},
          message: 'must not contain the NUL character (U+0000)',
        },
      ],
    });
  });
});

describe('URLs the router cannot take apart', () => {
  it('answers a path that is not valid percent-encoding with 400 MALFORMED_URL in the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/users/%zz', headers: auth });
    expect(res.json()).toEqual({
      statusCode: 400,
      code: 'MALFORMED_URL',
      error: 'Bad Request',
      message: 'The URL path is not valid percent-encoding: each "%" must be followed by two hexadecimal digits',
    });
  });

  it('answers a path segment over 100 characters with 414 URL_TOO_LONG in the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: `/users/${'1'.repeat(101)}`, headers: auth });
    expect(res.json()).toEqual({
      statusCode: 414,
      code: 'URL_TOO_LONG',
      error: 'URI Too Long',
      message: 'A segment of the URL path is longer than 100 characters',
    });
  });
});

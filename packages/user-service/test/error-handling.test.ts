import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedUser } from '../src/seed/seed.ts';
import { userSchema } from '../src/users/schemas.ts';
import { bearer, createTestApp, resetWithTokens, tokens } from './helpers/test-app.ts';

let app: FastifyInstance;

beforeEach(async () => {
  app = await createTestApp();
  await resetWithTokens(app);
});

afterEach(async () => {
  await app.close();
});

const internalError = {
  statusCode: 500,
  code: 'INTERNAL_ERROR',
  error: 'Internal Server Error',
  message: 'Something went wrong on our side; it has been logged.',
};

describe('error handling', () => {
  it('answers an unknown route with 404 ROUTE_NOT_FOUND in the one error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/accounts/1' });

    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      error: 'Not Found',
      message: 'No route for GET /accounts/1',
    });
  });

  it('hides the internals of a failing query behind 500 INTERNAL_ERROR', async () => {
    await seedUser(app.db);
    await app.db.schema.dropTable('users').execute();

    const res = await app.inject({ method: 'GET', url: '/users/1', headers: bearer(tokens.read) });

    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual(internalError);
  });

  it('hides the internals of a closed database behind 500 INTERNAL_ERROR', async () => {
    const authorized = await app.inject({ method: 'GET', url: '/users/1', headers: bearer(tokens.read) });
    expect(authorized.statusCode).toBe(404);
    await app.database.close();

    const res = await app.inject({ method: 'GET', url: '/users/1', headers: bearer(tokens.read) });

    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual(internalError);
  });
});

describe('the User response schema', () => {
  it('drops fields the contract does not list, at every level', async () => {
    const probe = await createTestApp();
    try {
      const user = {
        id: 1,
        name: 'Alice',
        email: 'alice@example.com',
        status: 'active',
        createdAt: '2026-01-02T03:04:05.000Z',
        address: { street: 'S', city: 'C', postalCode: 'P', country: 'FR', geo: { lat: 1 } },
        passwordHash: 'secret',
      };
      probe.get('/probe', { schema: { response: { 200: userSchema } } }, async () => user);

      const res = await probe.inject({ method: 'GET', url: '/probe' });

      const { passwordHash: _hash, address, ...listed } = user;
      const { geo: _geo, ...listedAddress } = address;
      expect(res.json()).toEqual({ ...listed, address: listedAddress });
    } finally {
      await probe.close();
    }
  });
});

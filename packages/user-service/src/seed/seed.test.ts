import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-database.ts';
import { createTokensRepository } from '../auth/tokens-repository.ts';
import type { UserDb } from '../db/schema.ts';
import { createUsersRepository } from '../users/users-repository.ts';
import { defaultAddress, issueToken, resetDatabase, seedUser, seedUsers } from './seed.ts';

let testDb: TestDatabase;
let db: UserDb;

beforeAll(async () => {
  testDb = await openTestDatabase();
  db = testDb.database.db;
});

afterAll(async () => {
  await testDb.close();
});

beforeEach(async () => {
  await resetDatabase(db);
});

const ids = async () => (await db.selectFrom('users').select('id').orderBy('id').execute()).map((row) => row.id);

describe('resetDatabase', () => {
  it('leaves every table empty', async () => {
    await seedUsers(db, 3);
    await issueToken(db, { scopes: ['users:read'] });

    await resetDatabase(db);

    expect(await db.selectFrom('users').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
  });

  it('restarts ids at 1', async () => {
    await seedUsers(db, 3);
    await seedUser(db, { id: 50 });

    await resetDatabase(db);
    const [user] = await seedUsers(db, 1);

    expect(user?.id).toBe(1);
  });
});

describe('seedUser', () => {
  it('fills in defaults that name the assigned id', async () => {
    const user = await seedUser(db);

    expect(user).toEqual({
      id: 1,
      name: 'User 1',
      email: 'user1@example.com',
      status: 'active',
      createdAt: user.createdAt,
      address: defaultAddress,
    });
    expect(await createUsersRepository(db).findById(1)).toEqual(user);
  });

  it('stores what it is given, with an explicit id and timestamp', async () => {
    const input = {
      id: 42,
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      status: 'suspended' as const,
      createdAt: '2026-01-02T03:04:05.000Z',
      address: { street: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
    };

    const user = await seedUser(db, input);

    expect(user).toEqual({ ...input, email: 'ada@example.com' });
    expect(await createUsersRepository(db).findById(42)).toEqual(user);
  });

  it('keeps the default name and email of an explicit id', async () => {
    const user = await seedUser(db, { id: 7 });

    expect([user.id, user.name, user.email]).toEqual([7, 'User 7', 'user7@example.com']);
  });

  it('gives later users fresh ids after explicit ones', async () => {
    await seedUser(db, { id: 3 });
    await seedUser(db, { id: 2 });

    const later = await seedUsers(db, 2);
    const created = await createUsersRepository(db).create({
      name: 'X',
      email: 'x@example.com',
      address: defaultAddress,
    });

    expect(later.map((user) => user.id)).toEqual([4, 5]);
    expect(created.id).toBe(6);
    expect(await ids()).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('seedUsers', () => {
  it('creates n default users with ids 1..n', async () => {
    const users = await seedUsers(db, 3);

    expect(users.map((user) => [user.id, user.email])).toEqual([
      [1, 'user1@example.com'],
      [2, 'user2@example.com'],
      [3, 'user3@example.com'],
    ]);
  });

  it('creates one user per input, in order', async () => {
    const users = await seedUsers(db, [{ name: 'A' }, { id: 10, name: 'B' }, { name: 'C' }]);

    expect(users.map((user) => [user.id, user.name])).toEqual([
      [1, 'A'],
      [10, 'B'],
      [11, 'C'],
    ]);
  });
});

describe('issueToken', () => {
  it('returns the given raw token, usable with its scopes', async () => {
    const token = await issueToken(db, { token: 'provider-state-token', scopes: ['users:write'] });

    expect(token).toBe('provider-state-token');
    expect(await createTokensRepository(db).findScopes(token)).toEqual(['users:write']);
  });

  it('generates a token when none is given', async () => {
    const token = await issueToken(db, { scopes: ['users:read', 'users:write'], name: 'person' });

    expect(await createTokensRepository(db).findScopes(token)).toEqual(['users:read', 'users:write']);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-database.ts';
import type { UserDb } from '../db/schema.ts';
import { UserEmailTakenError } from '../errors.ts';
import { resetDatabase, seedUsers } from '../seed/seed.ts';
import { createUsersRepository, type UsersRepository } from './users-repository.ts';

let testDb: TestDatabase;
let db: UserDb;
let users: UsersRepository;

beforeAll(async () => {
  testDb = await openTestDatabase();
  db = testDb.database.db;
  users = createUsersRepository(db);
});

afterAll(async () => {
  await testDb.close();
});

beforeEach(async () => {
  await resetDatabase(db);
});

const address = { street: '1 Long Lane', city: 'London', postalCode: 'EC1A 1BB', country: 'GB' };
const page = { limit: 20, offset: 0 };

describe('createUsersRepository', () => {
  it('creates a user and reads it back whole', async () => {
    const created = await users.create({ name: 'Ada', email: 'Ada@Example.com', address });

    expect(created).toEqual({
      id: 1,
      name: 'Ada',
      email: 'ada@example.com',
      status: 'active',
      createdAt: created.createdAt,
      address,
    });
    expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await users.findById(1)).toEqual(created);
  });

  it('round-trips createdAt exactly, milliseconds included', async () => {
    await seedUsers(db, [{ createdAt: '2026-01-02T03:04:05.678Z' }, { createdAt: '2026-06-30T23:59:59.001Z' }]);

    expect((await users.findById(1))?.createdAt).toBe('2026-01-02T03:04:05.678Z');
    expect((await users.findById(2))?.createdAt).toBe('2026-06-30T23:59:59.001Z');
  });

  it('returns undefined for an unknown id', async () => {
    expect(await users.findById(5)).toBeUndefined();
  });

  it('refuses a duplicate email with UserEmailTakenError, whatever the case', async () => {
    await users.create({ name: 'Ada', email: 'ada@example.com', address });

    const attempt = users.create({ name: 'Other', email: 'ADA@example.com', address });

    await expect(attempt).rejects.toBeInstanceOf(UserEmailTakenError);
    await expect(attempt).rejects.toMatchObject({
      code: 'USER_EMAIL_TAKEN',
      statusCode: 409,
      email: 'ada@example.com',
    });
  });

  it('updates the given columns only', async () => {
    const [first] = await seedUsers(db, [
      { name: 'Ada', email: 'ada@example.com', createdAt: '2026-01-02T03:04:05.000Z' },
    ]);

    const updated = await users.update(1, { name: 'Ada L.', address });

    expect(updated).toEqual({ ...first, name: 'Ada L.', address });
    expect(await users.findById(1)).toEqual(updated);
  });

  it('returns undefined when updating an unknown id', async () => {
    expect(await users.update(9, { name: 'X' })).toBeUndefined();
  });

  it("refuses taking another user's email on update", async () => {
    await seedUsers(db, [{ email: 'a@example.com' }, { email: 'b@example.com' }]);

    await expect(users.update(2, { email: 'A@example.com' })).rejects.toMatchObject({ code: 'USER_EMAIL_TAKEN' });
    expect((await users.findById(2))?.email).toBe('b@example.com');
  });

  it('deletes and reports whether a user was there', async () => {
    await seedUsers(db, 1);

    expect(await users.delete(1)).toBe(true);
    expect(await users.delete(1)).toBe(false);
    expect(await users.findById(1)).toBeUndefined();
  });

  describe('list', () => {
    beforeEach(async () => {
      await seedUsers(db, [
        { email: 'a@example.com', status: 'active' },
        { email: 'b@example.com', status: 'suspended' },
        { email: 'c@example.com', status: 'active' },
        { email: 'd@example.com', status: 'suspended' },
        { email: 'e@example.com', status: 'active' },
      ]);
    });

    const ids = (result: { items: { id: number }[] }) => result.items.map((user) => user.id);

    it('orders by id and counts every match', async () => {
      const result = await users.list({}, { limit: 2, offset: 2 });

      expect(ids(result)).toEqual([3, 4]);
      expect({ total: result.total, limit: result.limit, offset: result.offset }).toEqual({
        total: 5,
        limit: 2,
        offset: 2,
      });
    });

    it('combines filters', async () => {
      const result = await users.list({ ids: [1, 2, 3, 99], status: 'active' }, page);

      expect(ids(result)).toEqual([1, 3]);
      expect(result.total).toBe(2);
    });

    it('matches email case-insensitively', async () => {
      const result = await users.list({ email: 'C@EXAMPLE.COM' }, page);

      expect(ids(result)).toEqual([3]);
    });

    it('finds nothing for ids beyond the id range, without asking the database', async () => {
      expect(await users.list({ ids: [2_147_483_648] }, page)).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
    });
  });
});

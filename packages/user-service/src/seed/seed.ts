import { sql } from 'kysely';
import { createTokensRepository } from '../auth/tokens-repository.ts';
import { kindOf } from '../db/dialect.ts';
import { type UserDb, userTables } from '../db/schema.ts';
import type { Scope, User, UserInput } from '../types.ts';
import { insertUser, toUser } from '../users/users-repository.ts';

export type SeedUserInput = Partial<UserInput> & { id?: number; createdAt?: string };

export const defaultAddress = { street: '1 Main Street', city: 'Springfield', postalCode: '12345', country: 'US' };

/**
 * Deletes every row of every table and restarts the id sequences, so the next user gets id 1.
 * A few statements, no migrations: cheap enough to run before every provider state.
 */
export async function resetDatabase(db: UserDb): Promise<void> {
  if (kindOf(db) === 'postgres') {
    await sql`truncate table ${sql.join(userTables.map((table) => sql.table(table)))} restart identity`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const table of userTables) await trx.deleteFrom(table).execute();
    await sql`delete from sqlite_sequence where name in (${sql.join([...userTables])})`.execute(trx);
  });
}

/**
 * Inserts one user. Unset fields get defaults; name and email default to `User <id>` and
 * `user<id>@example.com`. With an explicit id, later inserts without one still get fresh ids.
 */
export async function seedUser(db: UserDb, input: SeedUserInput = {}): Promise<User> {
  const { id } = input;
  const needsIdInDefaults = input.name === undefined || input.email === undefined;
  const provisional = id === undefined ? `seed-${crypto.randomUUID()}@example.invalid` : `user${id}@example.com`;
  let user = await insertUser(db, {
    ...(id === undefined ? {} : { id }),
    name: input.name ?? (id === undefined ? 'User' : `User ${id}`),
    email: input.email ?? provisional,
    status: input.status ?? 'active',
    address: input.address ?? defaultAddress,
    createdAt: input.createdAt ?? new Date().toISOString(),
  });
  if (id === undefined && needsIdInDefaults) {
    // The defaults name the id, which only the insert reveals.
    const row = await db
      .updateTable('users')
      .set({
        ...(input.name === undefined ? { name: `User ${user.id}` } : {}),
        ...(input.email === undefined ? { email: `user${user.id}@example.com` } : {}),
      })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    user = toUser(row);
  }
  if (id !== undefined && kindOf(db) === 'postgres') {
    // An explicit id does not advance PostgreSQL's identity sequence (SQLite's AUTOINCREMENT does).
    await sql`select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))`.execute(db);
  }
  return user;
}

/** Inserts `n` default users, or one user per input, in order. */
export async function seedUsers(db: UserDb, usersOrCount: number | readonly SeedUserInput[]): Promise<User[]> {
  const inputs = typeof usersOrCount === 'number' ? Array.from({ length: usersOrCount }, () => ({})) : usersOrCount;
  const users: User[] = [];
  for (const input of inputs) users.push(await seedUser(db, input));
  return users;
}

/** Stores a bearer token with the given scopes and returns the raw token (generated unless given). */
export function issueToken(
  db: UserDb,
  options: { scopes: readonly Scope[]; token?: string; name?: string },
): Promise<string> {
  return createTokensRepository(db).issue({ ...options, name: options.name ?? 'seeded' });
}

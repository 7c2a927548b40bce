import type { Selectable, Updateable } from 'kysely';
import { isUniqueViolation } from '../db/dialect.ts';
import type { UserDb, UsersTable } from '../db/schema.ts';
import { UserEmailTakenError } from '../errors.ts';
import type { Page, User, UserFilter, UserInput, UserPatch } from '../types.ts';

/** Ids are PostgreSQL `integer`s: a larger one cannot exist, and must not reach the database as a parameter. */
export const maxUserId = 2_147_483_647;

export interface NewUserRow extends UserInput {
  id?: number;
  createdAt: string;
}

export interface UsersRepository {
  findById(id: number): Promise<User | undefined>;
  list(filter: UserFilter, page: { limit: number; offset: number }): Promise<Page<User>>;
  /** Throws `UserEmailTakenError` when the email is used by another user. */
  create(input: UserInput): Promise<User>;
  /** Returns undefined when no user has this id; throws `UserEmailTakenError` as `create` does. */
  update(id: number, patch: UserPatch): Promise<User | undefined>;
  /** Returns false when no user has this id. */
  delete(id: number): Promise<boolean>;
}

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    address: { street: row.street, city: row.city, postalCode: row.postal_code, country: row.country },
  };
}

/** Stores a user as given (explicit id and timestamp allowed); shared by the repository and the seeding functions. */
export async function insertUser(db: UserDb, input: NewUserRow): Promise<User> {
  const email = input.email.toLowerCase();
  try {
    const row = await db
      .insertInto('users')
      .values({
        ...(input.id === undefined ? {} : { id: input.id }),
        name: input.name,
        email,
        status: input.status ?? 'active',
        street: input.address.street,
        city: input.address.city,
        postal_code: input.address.postalCode,
        country: input.address.country,
        created_at: new Date(input.createdAt).toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  } catch (err) {
    throw mapUniqueEmail(err, email);
  }
}

function mapUniqueEmail(err: unknown, email: string): unknown {
  return isUniqueViolation(err, 'users', 'email', 'users_email_unique') ? new UserEmailTakenError(email, err) : err;
}

function toColumns(patch: UserPatch): Updateable<UsersTable> {
  const { address } = patch;
  return {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.email === undefined ? {} : { email: patch.email.toLowerCase() }),
    ...(patch.status === undefined ? {} : { status: patch.status }),
    ...(address === undefined
      ? {}
      : { street: address.street, city: address.city, postal_code: address.postalCode, country: address.country }),
  };
}

export function createUsersRepository(db: UserDb): UsersRepository {
  async function findById(id: number): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  return {
    findById,

    async list(filter, { limit, offset }) {
      const ids = filter.ids?.filter((id) => id <= maxUserId);
      if (ids !== undefined && ids.length === 0) return { items: [], total: 0, limit, offset };

      let query = db.selectFrom('users');
      if (ids !== undefined) query = query.where('id', 'in', ids);
      if (filter.email !== undefined) query = query.where('email', '=', filter.email.toLowerCase());
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);

      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('id', 'asc').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toUser), total: Number(count.total), limit, offset };
    },

    create(input) {
      return insertUser(db, { ...input, createdAt: new Date().toISOString() });
    },

    async update(id, patch) {
      const columns = toColumns(patch);
      if (Object.keys(columns).length === 0) return findById(id);
      try {
        const row = await db.updateTable('users').set(columns).where('id', '=', id).returningAll().executeTakeFirst();
        return row && toUser(row);
      } catch (err) {
        throw patch.email === undefined ? err : mapUniqueEmail(err, patch.email.toLowerCase());
      }
    },

    async delete(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

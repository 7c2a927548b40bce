import type { Selectable, Transaction, Updateable } from 'kysely';
import { isUniqueViolation, kindOf } from '../db/dialect.ts';
import type { UserDatabase, UserDb, UsersTable } from '../db/schema.ts';
import { UserEmailTakenError } from '../errors.ts';
import { appendToOutbox } from '../events/outbox.ts';
import { changesBetween } from '../events/user-events.ts';
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
  /**
   * Returns undefined when no user has this id; throws `UserEmailTakenError` as `create` does. A suspension,
   * reactivation or email change writes its event to the outbox in the same transaction.
   */
  update(id: number, patch: UserPatch): Promise<User | undefined>;
  /** Returns false when no user has this id; writes `user.deleted` to the outbox in the same transaction. */
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

export interface UsersRepositoryOptions {
  /** Called after a transaction that wrote events committed (the relay publishes them then). */
  onEventsWritten?: () => void;
}

export function createUsersRepository(db: UserDb, options: UsersRepositoryOptions = {}): UsersRepository {
  const lock = kindOf(db) === 'postgres';

  async function findById(id: number): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  /** The user as the transaction sees it; on PostgreSQL locked until it ends, so changes of one user queue up. */
  async function lockedUser(trx: Transaction<UserDatabase>, id: number): Promise<User | undefined> {
    const query = trx.selectFrom('users').selectAll().where('id', '=', id);
    const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
    return row && toUser(row);
  }

  /** Runs a change in a transaction; tells the relay when the committed change wrote events. */
  async function changing<T>(work: (trx: Transaction<UserDatabase>) => Promise<{ result: T; events: number }>) {
    const { result, events } = await db.transaction().execute(work);
    if (events > 0) options.onEventsWritten?.();
    return result;
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
        return await changing(async (trx) => {
          const before = await lockedUser(trx, id);
          if (!before) return { result: undefined, events: 0 };
          const row = await trx
            .updateTable('users')
            .set(columns)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst();
          const after = row && toUser(row);
          const events = after
            ? await appendToOutbox(trx, id, changesBetween(before, after), new Date().toISOString())
            : [];
          return { result: after, events: events.length };
        });
      } catch (err) {
        throw patch.email === undefined ? err : mapUniqueEmail(err, patch.email.toLowerCase());
      }
    },

    delete(id) {
      return changing(async (trx) => {
        const before = await lockedUser(trx, id);
        if (!before) return { result: false, events: 0 };
        await trx.deleteFrom('users').where('id', '=', id).execute();
        const events = await appendToOutbox(trx, id, changesBetween(before, undefined), new Date().toISOString());
        return { result: true, events: events.length };
      });
    },
  };
}

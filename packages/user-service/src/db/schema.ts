import type { ColumnType, Generated, Kysely } from 'kysely';
import type { UserStatus } from '../types.ts';

/** PostgreSQL returns `timestamptz` as a Date, SQLite keeps the ISO string it was given. */
type Timestamp = ColumnType<Date | string, string, string>;

export interface UsersTable {
  id: Generated<number>;
  name: string;
  email: string;
  status: UserStatus;
  street: string;
  city: string;
  postal_code: string;
  country: string;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  /** Hex SHA-256 of the raw token; the raw token is never stored. */
  token_hash: string;
  /** Space-separated, as in OAuth's `scope`. */
  scopes: string;
  created_at: Timestamp;
}

/**
 * Events written in the same transaction as the change they describe; the relay publishes them in `id` order and
 * stamps `published_at`. Rows stay after publishing: they hold each user's last sequence number.
 */
export interface OutboxTable {
  id: Generated<number>;
  /** The event's id (a UUID): the message id, the same on every redelivery. */
  event_id: string;
  /** The routing key, e.g. `user.suspended`. */
  type: string;
  user_id: number;
  /** 1, 2, 3, … per user, in the order the changes committed. */
  sequence: number;
  /** The event's JSON body, exactly as it is published. */
  payload: string;
  occurred_at: Timestamp;
  published_at: Timestamp | null;
}

export interface UserDatabase {
  users: UsersTable;
  api_tokens: ApiTokensTable;
  outbox: OutboxTable;
}

export type UserDb = Kysely<UserDatabase>;

/** Every table the service owns, in an order that deletes safely. */
export const userTables = ['users', 'api_tokens', 'outbox'] as const;

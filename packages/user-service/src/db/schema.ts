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

export interface UserDatabase {
  users: UsersTable;
  api_tokens: ApiTokensTable;
}

export type UserDb = Kysely<UserDatabase>;

/** Every table the service owns, in an order that deletes safely. */
export const userTables = ['users', 'api_tokens'] as const;

export const userStatuses = ['active', 'suspended'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const scopes = ['users:read', 'users:write'] as const;
export type Scope = (typeof scopes)[number];

export interface Address {
  street: string;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper-case. */
  country: string;
}

export interface User {
  id: number;
  name: string;
  /** Always lower-case. */
  email: string;
  status: UserStatus;
  /** ISO-8601 with milliseconds and `Z`, e.g. `2026-01-02T03:04:05.000Z`. */
  createdAt: string;
  address: Address;
}

/** What a client sends to create a user. */
export interface UserInput {
  name: string;
  email: string;
  address: Address;
  status?: UserStatus;
}

/** What a client sends to change a user: any non-empty subset; `address` is replaced whole. */
export type UserPatch = Partial<Pick<User, 'name' | 'email' | 'status' | 'address'>>;

export interface UserFilter {
  ids?: number[];
  email?: string;
  status?: UserStatus;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

import { ServiceCommonErrorCodes, ServiceError } from '@contract-kit/service-common';
import type { Scope } from './types.ts';

/**
 * Every `code` this service emits: in HTTP error bodies (its own and the shared handler's) and, from service-common,
 * at start (`CONFIG_INVALID`, `DB_*`). The README's "UserService" table documents exactly the codes not from
 * service-common (tested both ways).
 */
export const UserErrorCodes = {
  ...ServiceCommonErrorCodes,
  userNotFound: 'USER_NOT_FOUND',
  userEmailTaken: 'USER_EMAIL_TAKEN',
  authTokenMissing: 'AUTH_TOKEN_MISSING',
  authTokenInvalid: 'AUTH_TOKEN_INVALID',
  authScopeMissing: 'AUTH_SCOPE_MISSING',
  databaseUnavailable: 'DATABASE_UNAVAILABLE',
} as const;

export type UserErrorCode = (typeof UserErrorCodes)[keyof typeof UserErrorCodes];

export class UserNotFoundError extends ServiceError {
  readonly userId: number;
  constructor(userId: number) {
    super(404, UserErrorCodes.userNotFound, `User ${userId} not found`);
    this.userId = userId;
  }
}

export class UserEmailTakenError extends ServiceError {
  readonly email: string;
  constructor(email: string, cause?: unknown) {
    super(409, UserErrorCodes.userEmailTaken, `Email ${email} is already used by another user`, { cause });
    this.email = email;
  }
}

export class DatabaseUnavailableError extends ServiceError {
  constructor(cause: unknown) {
    super(503, UserErrorCodes.databaseUnavailable, 'The database is not reachable', { cause });
  }
}

const realm = 'Bearer realm="user-service"';

/** An authentication or authorization failure; `challenge` is the `WWW-Authenticate` value to send with it. */
export abstract class AuthError extends ServiceError {
  abstract readonly challenge: string;
}

export class AuthTokenMissingError extends AuthError {
  readonly challenge = realm;
  constructor() {
    super(401, UserErrorCodes.authTokenMissing, 'Send a bearer token: Authorization: Bearer <token>');
  }
}

export class AuthTokenInvalidError extends AuthError {
  readonly challenge = `${realm}, error="invalid_token"`;
  constructor() {
    super(401, UserErrorCodes.authTokenInvalid, 'The bearer token is not valid');
  }
}

export class AuthScopeMissingError extends AuthError {
  readonly challenge: string;
  readonly scope: Scope;
  constructor(scope: Scope) {
    super(403, UserErrorCodes.authScopeMissing, `The bearer token lacks the scope ${scope}`);
    this.scope = scope;
    this.challenge = `${realm}, error="insufficient_scope", scope="${scope}"`;
  }
}

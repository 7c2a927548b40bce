/**
 * The one error type every service in this repository throws for a failure a caller should see.
 * The error handler turns it into `{ statusCode, code, error, message, details? }`; callers and tests
 * match on `code`, never on the message text.
 */
export class ServiceError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: unknown;

  constructor(statusCode: number, code: string, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.code = code;
    this.details = options.details;
  }
}

/** Codes the shared error handler (and the input guards) put in HTTP error bodies, whatever the service. */
export const CommonErrorCodes = {
  validationFailed: 'VALIDATION_FAILED',
  malformedBody: 'MALFORMED_BODY',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  routeNotFound: 'ROUTE_NOT_FOUND',
  internal: 'INTERNAL_ERROR',
} as const;

/** Codes of the router's own refusals, in services that pass `frameworkErrors` to Fastify. */
export const RouterErrorCodes = {
  malformedUrl: 'MALFORMED_URL',
  urlTooLong: 'URL_TOO_LONG',
} as const;

/** Codes of what this package throws while a service starts, before any request: configuration and database. */
export const StartErrorCodes = {
  configInvalid: 'CONFIG_INVALID',
  dbUnreachable: 'DB_UNREACHABLE',
  dbMigrationFailed: 'DB_MIGRATION_FAILED',
  dbBadSchemaName: 'DB_BAD_SCHEMA_NAME',
} as const;

/**
 * Every code this package produces; the table "Shared by every service" in README.md documents exactly these
 * (tested both ways).
 */
export const ServiceCommonErrorCodes = { ...CommonErrorCodes, ...RouterErrorCodes, ...StartErrorCodes } as const;

/** An environment variable is missing or invalid; the message names it and points at the README's table. */
export class ConfigError extends Error {
  readonly code = StartErrorCodes.configInvalid;
  constructor(service: string, cause: Error) {
    super(`${service}: invalid configuration: ${cause.message}. See the configuration table in README.md.`, { cause });
    this.name = 'ConfigError';
  }
}

export type DatabaseErrorCode = Exclude<(typeof StartErrorCodes)[keyof typeof StartErrorCodes], 'CONFIG_INVALID'>;

/** The database cannot be opened, prepared or named as asked; the message says which and what to check. */
export class DatabaseError extends Error {
  readonly code: DatabaseErrorCode;
  constructor(code: DatabaseErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DatabaseError';
    this.code = code;
  }
}

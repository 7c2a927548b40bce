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

/** Codes the shared error handler itself produces, whatever the service. */
export const CommonErrorCodes = {
  validationFailed: 'VALIDATION_FAILED',
  malformedBody: 'MALFORMED_BODY',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  routeNotFound: 'ROUTE_NOT_FOUND',
  internal: 'INTERNAL_ERROR',
} as const;

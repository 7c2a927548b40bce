/** Why a call to UserService failed, as OrderService's code needs to tell the cases apart. */
export const UserServiceErrorCodes = {
  notFound: 'USER_SERVICE_NOT_FOUND',
  unauthorized: 'USER_SERVICE_UNAUTHORIZED',
  forbidden: 'USER_SERVICE_FORBIDDEN',
  rejected: 'USER_SERVICE_REJECTED',
  unavailable: 'USER_SERVICE_UNAVAILABLE',
  badResponse: 'USER_SERVICE_BAD_RESPONSE',
} as const;

export type UserServiceErrorCode = (typeof UserServiceErrorCodes)[keyof typeof UserServiceErrorCodes];

export class UserServiceError extends Error {
  readonly code: UserServiceErrorCode;
  /** HTTP status UserService answered with; undefined when no answer came (timeout, refused connection). */
  readonly status: number | undefined;
  /** UserService's own error code from its error body, when it sent one. */
  readonly upstreamCode: string | undefined;

  constructor(
    code: UserServiceErrorCode,
    message: string,
    details: { status?: number; upstreamCode?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'UserServiceError';
    this.code = code;
    this.status = details.status;
    this.upstreamCode = details.upstreamCode;
  }
}

export { ClientErrorCodes, clientErrorHandler, clientErrorOptions, frameworkErrors } from './client-errors.ts';
export { ConfigError, loadConfig } from './config.ts';
export {
  type Database,
  DatabaseError,
  type DatabaseKind,
  type DatabaseOptions,
  dropSchema,
  isPostgresUrl,
  migrateToLatest,
  openDatabase,
} from './database.ts';
export { type ErrorBody, errorBodySchema, registerErrorHandling, toErrorBody } from './error-handling.ts';
export { CommonErrorCodes, ServiceError } from './errors.ts';
export { reportStartFailure, serveUntilSignalled } from './serve.ts';

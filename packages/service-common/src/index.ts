export { clientErrorHandler } from './client-error-handler.ts';
export { loadConfig } from './config.ts';
export {
  type Database,
  type DatabaseKind,
  type DatabaseOptions,
  dropSchema,
  isPostgresUrl,
  migrateToLatest,
  openDatabase,
} from './database.ts';
export {
  type ErrorBody,
  errorBodySchema,
  frameworkErrors,
  registerErrorHandling,
  toErrorBody,
} from './error-handling.ts';
export {
  ClientErrorCodes,
  CommonErrorCodes,
  ConfigError,
  DatabaseError,
  type DatabaseErrorCode,
  RouterErrorCodes,
  ServiceCommonErrorCodes,
  ServiceError,
  StartErrorCodes,
} from './errors.ts';
export { nulMessage, registerInputGuards, unsafeNumberMessage } from './input-guards.ts';
export { SchemaIntrospector } from './schema-introspector.ts';
export { reportStartFailure, serveUntilSignalled } from './serve.ts';

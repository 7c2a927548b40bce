export { maxIdsPerLookup, UserServiceClient, type UserServiceClientOptions } from './client.ts';
export type { Customer, CustomerName } from './customer.ts';
export { UserServiceError, type UserServiceErrorCode, UserServiceErrorCodes } from './errors.ts';

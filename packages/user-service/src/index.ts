export { type AppConfig, buildApp } from './app.ts';
export { type LogLevel, readConfig, type UserServiceConfig } from './config.ts';
export type { UserDatabase, UserDb } from './db/schema.ts';
export { type UserErrorCode, UserErrorCodes } from './errors.ts';
export { defaultAddress, issueToken, resetDatabase, type SeedUserInput, seedUser, seedUsers } from './seed/seed.ts';
export type { Address, Page, Scope, User, UserInput, UserPatch, UserStatus } from './types.ts';

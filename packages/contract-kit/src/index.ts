export * from './consumer/index.ts';
export { ContractKitError, type ContractKitErrorCode, ContractKitErrorCodes } from './errors.ts';
export { findPactFiles } from './pact-files.ts';
export { placeholderToken } from './placeholder-token.ts';

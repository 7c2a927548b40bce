export * from './consumer/index.ts';
export { ContractKitError, type ContractKitErrorCode, ContractKitErrorCodes } from './errors.ts';
export { placeholderToken } from './placeholder-token.ts';

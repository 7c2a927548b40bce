/**
 * Every failure contract-kit reports to a person carries a stable code (documented in README.md)
 * and a message that says what failed, where, and what to do next.
 */
export const ContractKitErrorCodes = {
  pactPartMalformed: 'CK_PACT_PART_MALFORMED',
  pactConflict: 'CK_PACT_CONFLICT',
  mergeRefused: 'CK_MERGE_REFUSED',
  noPacts: 'CK_NO_PACTS',
  verifierCrashed: 'CK_VERIFIER_CRASHED',
  versionUnknown: 'CK_VERSION_UNKNOWN',
  configInvalid: 'CK_CONFIG_INVALID',
  brokerUnreachable: 'CK_BROKER_UNREACHABLE',
  brokerAuthFailed: 'CK_BROKER_AUTH_FAILED',
  brokerCommandFailed: 'CK_BROKER_COMMAND_FAILED',
  noPactsForSelectors: 'CK_NO_PACTS_FOR_SELECTORS',
  pactsNotLoaded: 'CK_PACTS_NOT_LOADED',
  pactInputInvalid: 'CK_PACT_INPUT_INVALID',
  diffSourceInvalid: 'CK_DIFF_SOURCE_INVALID',
} as const;

export type ContractKitErrorCode = (typeof ContractKitErrorCodes)[keyof typeof ContractKitErrorCodes];

export class ContractKitError extends Error {
  readonly code: ContractKitErrorCode;
  constructor(code: ContractKitErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ContractKitError';
    this.code = code;
  }
}

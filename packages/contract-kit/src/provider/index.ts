export { defineProvider, type ProviderDefinition, stateNamesOf } from './define-provider.ts';
export {
  countOutcomes,
  formatReport,
  type InteractionOutcome,
  type InteractionResult,
  type VerificationReport,
} from './results.ts';
export { defineStates, type StateHandler, type StateHandlers, type StateParams, type StateValues } from './states.ts';
export {
  type PactSource,
  type PublishResults,
  type VerifierLogLevel,
  type VerifyProviderOptions,
  verifyProvider,
} from './verify-provider.ts';

export {
  defineProvider,
  type FastifyLike,
  messageNamesOf,
  type ProviderApp,
  type ProviderDefinition,
  type RequestFilter,
  stateNamesOf,
} from './define-provider.ts';
export { loadProviderDefinition } from './load-definition.ts';
export {
  defineMessages,
  type MessageContext,
  type MessageProducer,
  type MessageProducers,
  type ProducedMessage,
} from './messages/index.ts';
export {
  countOutcomes,
  describePact,
  formatReport,
  type InteractionOutcome,
  type InteractionResult,
  type PactRef,
  type VerificationReport,
} from './results.ts';
export { type VerifierLogLevel, verifierPath } from './run-verifier.ts';
export { defineStates, type StateHandler, type StateHandlers, type StateParams, type StateValues } from './states.ts';
export type { PublishResults } from './verify-in-process.ts';
export { type PactSource, type VerifyProviderOptions, verifyProvider } from './verify-provider.ts';

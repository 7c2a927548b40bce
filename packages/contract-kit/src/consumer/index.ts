// Here too, so consumer tests that send it need not load the kit's root entry (the broker client, lint, CI detection).
export { placeholderToken } from '../placeholder-token.ts';
export { type ConsumerPactOptions, createConsumerPact, type PactLogLevel } from './create-pact.ts';
export { mergePactsAfterRun } from './merge-after-run.ts';
export {
  canonicalJson,
  type MergeResult,
  mergeAllParts,
  mergePactParts,
  pactFileName,
  pairsWithParts,
} from './pact-parts.ts';

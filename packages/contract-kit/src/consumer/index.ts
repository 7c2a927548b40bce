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

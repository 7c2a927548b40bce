import {
  describeDifference,
  type JsonObject,
  mergeConflicts,
  mergePacts,
  type PreparedPact,
  preparePact,
} from './content.ts';
import { formattedDiff } from './diff.ts';
import { type PactBody, type PublishCommand, parsePactBody, parsePublishRequest } from './publish-request.ts';

/**
 * The CPU-heavy steps of publishing, as plain functions of data: parsing and checking what was sent, hashing,
 * and merging or comparing with what is stored. pact-jobs.ts runs them inline for small inputs and on the
 * worker thread (pact-worker.ts) for large ones; either way the same code runs.
 */
export const pactWork = {
  publishRequest: (body: unknown): PublishCommand => parsePublishRequest(body),
  pactBody: (body: unknown): PactBody => parsePactBody(body),
  merge: (stored: string, incoming: string): PreparedPact =>
    preparePact(mergePacts(JSON.parse(stored) as JsonObject, JSON.parse(incoming) as JsonObject)),
  conflicts: (stored: string, incoming: string): string[] =>
    mergeConflicts(JSON.parse(stored) as JsonObject, JSON.parse(incoming) as JsonObject),
  difference: (stored: string, incoming: string): string =>
    describeDifference(JSON.parse(stored) as JsonObject, JSON.parse(incoming) as JsonObject),
  diff: (current: string, previous: string): string => formattedDiff(current, previous),
};

export type PactWork = typeof pactWork;
export type PactJob = keyof PactWork;

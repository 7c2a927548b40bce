import { type MergeLog, mergeUnless } from './merge-after-run.ts';

/** The parts of jest's public reporter API this reads (`onRunComplete`'s aggregated results). */
interface JestResults {
  numTotalTests?: number;
  numFailedTests?: number;
  numFailedTestSuites?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numRuntimeErrorTestSuites?: number;
  wasInterrupted?: boolean;
}

interface JestGlobalConfig {
  testNamePattern?: string;
  onlyChanged?: boolean;
  findRelatedTests?: boolean;
}

export interface PactMergeReporterOptions {
  pactDir: string;
  log?: MergeLog;
}

/** Why the run's parts must not replace the pacts, or undefined when they may; anything unclear refuses. */
export function jestReasonNotToMerge(results: JestResults, config: JestGlobalConfig = {}): string | undefined {
  // Not `success`: jest sets it only after the reporters have run.
  const failures =
    (results.numFailedTests ?? 1) + (results.numFailedTestSuites ?? 1) + (results.numRuntimeErrorTestSuites ?? 1);
  if (failures > 0) return 'tests failed';
  if (results.wasInterrupted) return 'the run was interrupted';
  if (!results.numTotalTests) return 'no test ran';
  if ((results.numPendingTests ?? 0) + (results.numTodoTests ?? 0) > 0) return 'tests were skipped';
  if (config.testNamePattern) return 'tests were filtered by name (-t)';
  if (config.onlyChanged || config.findRelatedTests) return 'only some test files ran';
  return undefined;
}

/**
 * A jest reporter that merges each test file's pact part into the pact files once the whole run
 * passed (jest's reporter API: `reporters: ['default', ['contract-kit/jest-reporter', { pactDir }]]`).
 * It reads jest's own verdict, so a failed, skipped or filtered run leaves the pacts unchanged.
 */
export default class PactMergeReporter {
  readonly #config: JestGlobalConfig;
  readonly #options: PactMergeReporterOptions;

  constructor(globalConfig: JestGlobalConfig, options: PactMergeReporterOptions) {
    this.#config = globalConfig ?? {};
    this.#options = options;
    if (!options?.pactDir) throw new Error('contract-kit/jest-reporter needs { pactDir } as its options');
  }

  onRunComplete(_contexts: unknown, results: JestResults): void {
    const log = this.#options.log ?? ((line: string) => console.log(line));
    mergeUnless(this.#options.pactDir, jestReasonNotToMerge(results, this.#config), log);
  }
}

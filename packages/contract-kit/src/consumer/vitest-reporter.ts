import { type MergeLog, mergeUnless } from './merge-after-run.ts';

/** The parts of vitest's public reporter API (vitest 3 and later) this reads. */
interface TestCaseLike {
  result(): { state: string };
}
interface TestModuleLike {
  children: { allTests(): Iterable<TestCaseLike> };
}
interface VitestLike {
  config?: { testNamePattern?: unknown };
}

export interface PactMergeReporterOptions {
  pactDir: string;
  log?: MergeLog;
}

/** Why the run's parts must not replace the pacts, or undefined when they may; anything unclear refuses. */
export function vitestReasonNotToMerge(
  modules: readonly TestModuleLike[],
  errors: readonly unknown[],
  reason: string | undefined,
  vitest: VitestLike | undefined,
): string | undefined {
  if (reason !== 'passed' || errors.length > 0)
    return reason === 'interrupted' ? 'the run was interrupted' : 'tests failed';
  if (vitest?.config?.testNamePattern) return 'tests were filtered by name (-t)';
  let tests = 0;
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      tests += 1;
      const state = test.result().state;
      if (state === 'failed') return 'tests failed';
      if (state !== 'passed') return 'tests were skipped';
    }
  }
  return tests === 0 ? 'no test ran' : undefined;
}

/**
 * A vitest reporter (`reporters: ['default', new PactMergeReporter({ pactDir })]`) that merges
 * each test file's pact part into the pact files once the whole run passed, from vitest's public
 * reporter API (`onTestRunEnd`). A failed, skipped or filtered run leaves the pacts unchanged.
 */
export default class PactMergeReporter {
  readonly #options: PactMergeReporterOptions;
  #vitest: VitestLike | undefined;

  constructor(options: PactMergeReporterOptions) {
    if (!options?.pactDir) throw new Error('contract-kit/vitest-reporter needs { pactDir } as its options');
    this.#options = options;
  }

  onInit(vitest: VitestLike): void {
    this.#vitest = vitest;
  }

  onTestRunEnd(modules: readonly TestModuleLike[], errors: readonly unknown[], reason: string): void {
    const log = this.#options.log ?? ((line: string) => console.log(line));
    mergeUnless(this.#options.pactDir, vitestReasonNotToMerge(modules, errors, reason, this.#vitest), log);
  }
}

import { relative } from 'node:path';
import { type MergeResult, mergeAllParts } from './pact-parts.ts';

export type MergeLog = (line: string) => void;

/** Merges every pair's parts, or says why not; the merge itself refuses when a part recorded a failure. */
export function mergeUnless(pactDir: string, reason: string | undefined, log: MergeLog): MergeResult[] {
  if (reason) {
    log(`[contract-kit] ${reason}: pact files left unchanged`);
    return [];
  }
  const results = mergeAllParts(pactDir);
  for (const result of results) {
    log(
      `[contract-kit] ${relative(process.cwd(), result.file)}: ${result.interactions} interactions from ${result.parts} test files${result.changed ? ' (updated)' : ' (unchanged)'}`,
    );
  }
  return results;
}

interface Task {
  mode?: string;
  result?: { state?: string };
  tasks?: Task[];
}

interface VitestProjectLike {
  vitest?: {
    config?: { testNamePattern?: unknown };
    state?: { getCountOfFailedTests?: () => number; getFiles?: () => Task[] };
  };
}

function countSkipped(tasks: readonly Task[]): number {
  return tasks.reduce(
    (sum, task) =>
      sum +
      (task.mode === 'skip' || task.mode === 'todo' || task.result?.state === 'skip' ? 1 : 0) +
      countSkipped(task.tasks ?? []),
    0,
  );
}

/**
 * Why this run's parts must not replace the pact, or undefined when they may. Fails closed: when
 * vitest no longer offers what this reads, nothing is merged (use the vitest reporter or
 * `contract-kit merge` then).
 */
function reasonNotToMerge(project: VitestProjectLike | undefined): string | undefined {
  const state = project?.vitest?.state;
  if (typeof state?.getCountOfFailedTests !== 'function' || typeof state.getFiles !== 'function') {
    return 'cannot tell from this vitest whether the run passed (use contract-kit/vitest-reporter or `contract-kit merge`)';
  }
  if (state.getCountOfFailedTests() > 0) return 'tests failed';
  if (project?.vitest?.config?.testNamePattern) return 'tests were filtered by name (-t)';
  const files = state.getFiles();
  if (files.length === 0) return 'no test ran';
  if (countSkipped(files) > 0) return 'tests were skipped';
  return undefined;
}

/**
 * A vitest `globalSetup` teardown, per project: once every worker is done, merge each pair's
 * parts into one pact file. A run that failed, or ran only some of a file's tests, leaves the
 * pact as it was: it must not rewrite the committed contract with a partial one.
 */
export function mergePactsAfterRun(options: { pactDir: string; log?: MergeLog }) {
  const log = options.log ?? ((line: string) => console.log(line));
  return (project?: VitestProjectLike) => () => {
    mergeUnless(options.pactDir, reasonNotToMerge(project), log);
  };
}

import { relative } from 'node:path';
import { mergePactParts, pairsWithParts } from './pact-parts.ts';

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

/** Why this run's parts must not replace the pact, or undefined when they may. */
function reasonNotToMerge(project: VitestProjectLike | undefined): string | undefined {
  const vitest = project?.vitest;
  if ((vitest?.state?.getCountOfFailedTests?.() ?? 0) > 0) return 'tests failed';
  if (vitest?.config?.testNamePattern) return 'tests were filtered by name (-t)';
  if (countSkipped(vitest?.state?.getFiles?.() ?? []) > 0) return 'tests were skipped';
  return undefined;
}

/**
 * A vitest `globalSetup` teardown: once every worker is done, merge each pair's parts into one
 * pact file. A run that failed, or ran only some of a file's tests, leaves the pact as it was:
 * it must not rewrite the committed contract with a partial one.
 */
export function mergePactsAfterRun(options: { pactDir: string; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => console.log(line));
  return (project?: VitestProjectLike) => () => {
    const reason = reasonNotToMerge(project);
    if (reason) {
      log(`[contract-kit] ${reason}: pact files left unchanged`);
      return;
    }
    for (const pair of pairsWithParts(options.pactDir)) {
      const result = mergePactParts({ pactDir: options.pactDir, ...pair });
      if (!result) continue;
      const where = relative(process.cwd(), result.file);
      log(
        `[contract-kit] ${where}: ${result.interactions} interactions from ${result.parts} test files${result.changed ? ' (updated)' : ' (unchanged)'}`,
      );
    }
  };
}

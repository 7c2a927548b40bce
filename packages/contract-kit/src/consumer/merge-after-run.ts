import { relative } from 'node:path';
import { mergePactParts, pairsWithParts } from './pact-parts.ts';

interface RunState {
  failedTests(): number;
}

/**
 * A vitest `globalSetup` teardown: once every worker is done, merge each pair's parts into one
 * pact file. When a test failed, the pact is left as it was: a failed run must not rewrite
 * the committed contract with a partial one.
 */
export function mergePactsAfterRun(options: { pactDir: string; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => console.log(line));
  return (project?: { vitest?: { state?: { getCountOfFailedTests?: () => number } } }) => {
    const state: RunState = {
      failedTests: () => project?.vitest?.state?.getCountOfFailedTests?.() ?? 0,
    };
    return () => {
      if (state.failedTests() > 0) {
        log('[contract-kit] tests failed: pact files left unchanged');
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
  };
}

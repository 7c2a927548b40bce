import { describe, expect, it } from 'vitest';
import { jestReasonNotToMerge } from './jest-reporter.ts';
import { vitestReasonNotToMerge } from './vitest-reporter.ts';

// What jest hands reporters in onRunComplete (its `success` is set only after the reporters ran).
const jestPassed = {
  numTotalTests: 3,
  numFailedTests: 0,
  numFailedTestSuites: 0,
  numRuntimeErrorTestSuites: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  wasInterrupted: false,
  success: false,
};

describe('the jest reporter merges only after a whole passing run', () => {
  it.each([
    ['a passing run', jestPassed, {}, undefined],
    ['a failed test', { ...jestPassed, numFailedTests: 1 }, {}, 'tests failed'],
    ['a suite that could not run', { ...jestPassed, numRuntimeErrorTestSuites: 1 }, {}, 'tests failed'],
    ['a skipped test', { ...jestPassed, numPendingTests: 1 }, {}, 'tests were skipped'],
    ['a filtered run', jestPassed, { testNamePattern: 'reads' }, 'tests were filtered by name (-t)'],
    ['only changed files', jestPassed, { onlyChanged: true }, 'only some test files ran'],
    ['no test', { ...jestPassed, numTotalTests: 0 }, {}, 'no test ran'],
    ['results it cannot read', {}, {}, 'tests failed'],
  ])('%s', (_case, results, config, reason) => {
    expect(jestReasonNotToMerge(results, config)).toBe(reason);
  });
});

function moduleWith(...states: string[]) {
  return { children: { allTests: () => states.map((state) => ({ result: () => ({ state }) })) } };
}

describe('the vitest reporter merges only after a whole passing run', () => {
  it.each([
    ['a passing run', [moduleWith('passed', 'passed')], [], 'passed', undefined],
    ['a failed run', [moduleWith('passed', 'failed')], [], 'failed', 'tests failed'],
    ['an unhandled error', [moduleWith('passed')], [new Error('x')], 'passed', 'tests failed'],
    ['a skipped test', [moduleWith('passed', 'skipped')], [], 'passed', 'tests were skipped'],
    ['an interrupted run', [moduleWith('passed')], [], 'interrupted', 'the run was interrupted'],
    ['no test', [], [], 'passed', 'no test ran'],
  ])('%s', (_case, modules, errors, reason, expected) => {
    expect(vitestReasonNotToMerge(modules, errors, reason, {})).toBe(expected);
  });

  it('a run filtered by name', () => {
    expect(vitestReasonNotToMerge([moduleWith('passed')], [], 'passed', { config: { testNamePattern: /x/ } })).toBe(
      'tests were filtered by name (-t)',
    );
  });
});

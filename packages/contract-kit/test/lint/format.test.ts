import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLintReport, type LintReport } from '../../src/lint/index.ts';

const report: LintReport = {
  findings: [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      severity: 'error',
      file: join(process.cwd(), 'pacts', 'Web-UserService.json'),
      interaction: 'a request for a user, by id',
      path: "$.interactions[0].response.matchingRules.body['$.email'].matchers[0]",
      message: 'the example "ada" at response body $.email does not match the regex ^\\S+@\\S+$',
      hint: 'Fix the example or the matcher so that the example matches.',
    },
    {
      code: 'PACT_STATE_UNUSED',
      severity: 'warning',
      file: '',
      message: 'the provider\'s verification registers a handler for "x", but no pact uses that state',
      hint: 'Remove the handler, or check whether a consumer renamed the state.',
    },
  ],
  errors: 1,
  warnings: 1,
  files: 1,
  interactions: 9,
  messages: 0,
  durationMs: 12.3,
};

describe('formatLintReport', () => {
  it('text: grouped by file, each finding with where, what and what to do', () => {
    expect(formatLintReport(report, 'text')).toBe(
      [
        'pacts/Web-UserService.json',
        '  error    PACT_MATCHER_EXAMPLE_MISMATCH  "a request for a user, by id"',
        "           at $.interactions[0].response.matchingRules.body['$.email'].matchers[0]",
        '           the example "ada" at response body $.email does not match the regex ^\\S+@\\S+$',
        '           → Fix the example or the matcher so that the example matches.',
        '',
        'not in a pact file',
        '  warning  PACT_STATE_UNUSED',
        '           the provider\'s verification registers a handler for "x", but no pact uses that state',
        '           → Remove the handler, or check whether a consumer renamed the state.',
        '',
        '✗ 1 error, 1 warning (1 pact file, 9 interactions, 12 ms)',
      ].join('\n'),
    );
  });

  it('text: a clean run is one line', () => {
    expect(formatLintReport({ ...report, findings: [], errors: 0, warnings: 0 }, 'text')).toBe(
      '✓ no problems (1 pact file, 9 interactions, 12 ms)',
    );
  });

  it('text: message interactions are counted apart from HTTP ones', () => {
    expect(
      formatLintReport({ ...report, findings: [], errors: 0, warnings: 0, interactions: 13, messages: 4 }, 'text'),
    ).toBe('✓ no problems (1 pact file, 13 interactions (9 HTTP, 4 messages), 12 ms)');
  });

  it('json: the report itself', () => {
    expect(JSON.parse(formatLintReport(report, 'json'))).toEqual(report);
  });

  it('github: one workflow command per finding, escaped', () => {
    expect(formatLintReport(report, 'github').split('\n')).toEqual([
      '::error file=pacts/Web-UserService.json,title=PACT_MATCHER_EXAMPLE_MISMATCH (a request for a user%2C by id)::the example "ada" at response body $.email does not match the regex ^\\S+@\\S+$%0Aat $.interactions[0].response.matchingRules.body[\'$.email\'].matchers[0]%0AFix the example or the matcher so that the example matches.',
      '::warning title=PACT_STATE_UNUSED::the provider\'s verification registers a handler for "x", but no pact uses that state%0ARemove the handler, or check whether a consumer renamed the state.',
    ]);
  });
});

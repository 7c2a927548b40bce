import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintPacts, lintRules } from '../../src/lint/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/bad/${name}`, import.meta.url));

describe('rules configuration', () => {
  it('turns a rule off', async () => {
    const report = await lintPacts({
      pactFiles: [fixture('regex-unanchored.json')],
      rules: { PACT_REGEX_UNANCHORED: 'off' },
    });
    expect(report.findings).toEqual([]);
    expect(report.warnings).toBe(0);
  });

  it("changes a rule's severity", async () => {
    const report = await lintPacts({
      pactFiles: [fixture('regex-unanchored.json')],
      rules: { PACT_REGEX_UNANCHORED: 'error' },
    });
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([['PACT_REGEX_UNANCHORED', 'error']]);
    expect([report.errors, report.warnings]).toEqual([1, 0]);
  });

  it('reports an unknown rule or severity instead of ignoring it', async () => {
    const report = await lintPacts({
      pactFiles: [],
      rules: { PACT_REGEX_UNANCHORD: 'off', PACT_REGEX_UNANCHORED: 'warn' as 'warning' },
    });
    expect(report.findings).toEqual([
      {
        code: 'PACT_LINT_CONFIG_INVALID',
        severity: 'error',
        file: '',
        message: 'rules names "PACT_REGEX_UNANCHORD", which is not a rule',
        hint: lintRules.PACT_LINT_CONFIG_INVALID.hint,
      },
      {
        code: 'PACT_LINT_CONFIG_INVALID',
        severity: 'error',
        file: '',
        message: 'rules.PACT_REGEX_UNANCHORED is "warn"; use error, warning or off',
        hint: lintRules.PACT_LINT_CONFIG_INVALID.hint,
      },
    ]);
  });
});

describe('the report', () => {
  it('counts files, interactions, errors and warnings over every file', async () => {
    const report = await lintPacts({
      pactFiles: [
        fixture('regex-unanchored.json'),
        fixture('duplicate-interaction.json'),
        fixture('malformed-json.json'),
      ],
    });
    expect(report.findings.map((f) => f.code)).toEqual([
      'PACT_REGEX_UNANCHORED',
      'PACT_DUPLICATE_INTERACTION',
      'PACT_JSON_MALFORMED',
    ]);
    expect({
      files: report.files,
      interactions: report.interactions,
      errors: report.errors,
      warnings: report.warnings,
    }).toEqual({
      files: 3,
      interactions: 3,
      errors: 2,
      warnings: 1,
    });
  });
});

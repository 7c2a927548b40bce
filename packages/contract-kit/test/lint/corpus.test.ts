import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type LintFinding, lintPacts, lintRules } from '../../src/lint/index.ts';
import { badPacts, goodPacts } from './corpus.ts';

const fixtures = (kind: 'bad' | 'good') => fileURLToPath(new URL(`./fixtures/${kind}/`, import.meta.url));

function whole(finding: LintFinding) {
  return {
    code: finding.code,
    ...(finding.interaction === undefined ? {} : { interaction: finding.interaction }),
    ...(finding.path === undefined ? {} : { path: finding.path }),
  };
}

describe('the corpus of bad pacts', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(readdirSync(fixtures('bad')).sort()).toEqual(Object.keys(badPacts).sort());
  });

  for (const [name, expected] of Object.entries(badPacts)) {
    it(name, async () => {
      const file = `${fixtures('bad')}${name}`;
      const report = await lintPacts({ pactFiles: [file] });
      expect(report.findings.map(whole)).toEqual(expected);
      for (const finding of report.findings) {
        expect(finding.file).toBe(file);
        expect(finding.severity).toBe(lintRules[finding.code as keyof typeof lintRules].severity);
        expect(finding.hint).toBe(lintRules[finding.code as keyof typeof lintRules].hint);
      }
    });
  }
});

describe('good pacts of every version and interaction kind', () => {
  for (const name of goodPacts) {
    it(name, async () => {
      const report = await lintPacts({ pactFiles: [`${fixtures('good')}${name}`] });
      expect(report.findings).toEqual([]);
      expect(report.errors).toBe(0);
    });
  }
});

describe('messages a person can act on', () => {
  it('malformed JSON names the line and column', async () => {
    const report = await lintPacts({ pactFiles: [`${fixtures('bad')}malformed-json.json`] });
    expect(report.findings[0]?.message).toBe(
      'is not valid JSON: expected a property name in double quotes but found "}" (line 5, column 1)',
    );
  });

  it('a schema error names the field, what it must be and what it is', async () => {
    const report = await lintPacts({ pactFiles: [`${fixtures('bad')}schema-response-status-string.json`] });
    expect(report.findings[0]?.message).toBe(
      'status must be an HTTP status code (an integer from 100 to 599), not a string',
    );
  });

  it("a matcher's example names the value, where it is and what the matcher wants", async () => {
    const report = await lintPacts({ pactFiles: [`${fixtures('bad')}matcher-example-regex.json`] });
    expect(report.findings[0]?.message).toBe(
      'the example "ada.example.com" at response body $.email does not match the regex ^[^@\\s]+@[^@\\s]+$',
    );
  });

  it('a file that does not exist is a finding, not an exception', async () => {
    const report = await lintPacts({ pactFiles: ['/nowhere/Web-UserService.json'] });
    expect(report.findings).toEqual([
      {
        code: 'PACT_FILE_UNREADABLE',
        severity: 'error',
        file: '/nowhere/Web-UserService.json',
        message: 'cannot be read: there is no such file',
        hint: lintRules.PACT_FILE_UNREADABLE.hint,
      },
    ]);
    expect(report.errors).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { lintRules } from '../../src/lint/index.ts';
import { badPacts } from './corpus.ts';

const codes = Object.keys(lintRules);

/** Rules whose findings need more than a pact file; each has its own test file. */
const testedElsewhere = [
  'PACT_FILE_UNREADABLE', // corpus.test.ts: a file that does not exist
  'PACT_STATE_UNHANDLED', // provider-states.test.ts
  'PACT_STATE_UNUSED',
  'PACT_MESSAGE_UNHANDLED', // message-coverage.test.ts
  'PACT_MESSAGE_UNUSED',
  'PACT_OPENAPI_UNUSABLE', // openapi.test.ts
  'PACT_OPENAPI_UNKNOWN_OPERATION',
  'PACT_OPENAPI_STATUS_UNKNOWN',
  'PACT_OPENAPI_REQUEST_INCOMPATIBLE',
  'PACT_OPENAPI_RESPONSE_INCOMPATIBLE',
  'PACT_OPENAPI_UNCHECKED',
  'PACT_LINT_CONFIG_INVALID', // options.test.ts
];

describe('the rule catalogue', () => {
  it('has unique, stable-looking codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^PACT_[A-Z0-9]+(?:_[A-Z0-9]+)+$/);
  });

  it('explains each rule in one line, distinct from every other, with a hint', () => {
    const explanations = Object.values(lintRules).map((rule) => rule.explanation);
    expect(new Set(explanations).size).toBe(explanations.length);
    for (const rule of Object.values(lintRules)) {
      expect(rule.explanation).toMatch(/^[^\n]+\.$/);
      expect(rule.hint).toMatch(/^[^\n]+[.)]$/);
      expect(['error', 'warning']).toContain(rule.severity);
    }
  });

  it('has a bad pact in the corpus or its own test for every rule', () => {
    const inCorpus = new Set(Object.values(badPacts).flatMap((expected) => expected.map((e) => e.code)));
    const covered = [...new Set([...inCorpus, ...testedElsewhere])].sort();
    expect(covered).toEqual([...codes].sort());
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRules } from './rules.ts';

describe('lint rule catalogue', () => {
  it('documents every rule in the README', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    expect(Object.keys(lintRules).filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });
});

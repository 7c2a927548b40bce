import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BrokerErrorCodes } from './errors.ts';

describe('error catalogue', () => {
  const codes = Object.values(BrokerErrorCodes);

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('documents every code in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(codes.filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { CommonErrorCodes } from '@contract-kit/service-common';
import { describe, expect, it } from 'vitest';
import { UserErrorCodes } from './errors.ts';

describe('error catalogue', () => {
  const codes = Object.values(UserErrorCodes);

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('includes every code of the shared error handler', () => {
    expect(codes).toEqual(expect.arrayContaining(Object.values(CommonErrorCodes)));
  });

  it('documents every code in the README', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(codes.filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });
});

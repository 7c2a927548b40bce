import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrderErrorCodes } from './errors.ts';
import { UserServiceErrorCodes } from './user-service-client/errors.ts';

describe('error catalogue', () => {
  const codes = [...Object.values(OrderErrorCodes), ...Object.values(UserServiceErrorCodes)];

  it('has unique codes', () => {
    expect(new Set(Object.values(OrderErrorCodes)).size).toBe(Object.values(OrderErrorCodes).length);
    expect(new Set(Object.values(UserServiceErrorCodes)).size).toBe(Object.values(UserServiceErrorCodes).length);
  });

  it('documents every code in the README', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const undocumented = codes.filter((code) => !readme.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
  });
});

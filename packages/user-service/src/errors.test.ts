import { fileURLToPath } from 'node:url';
import { ServiceCommonErrorCodes } from '@contract-kit/service-common';
import { codesNoTestRaises, documentedCodes, readRepositoryReadme } from '@contract-kit/service-common/testing';
import { describe, expect, it } from 'vitest';
import { UserErrorCodes } from './errors.ts';

const shared = new Set<string>(Object.values(ServiceCommonErrorCodes));
/** The codes UserService adds to service-common's. */
const own = Object.fromEntries(Object.entries(UserErrorCodes).filter(([, code]) => !shared.has(code)));

describe('UserService error catalogue', () => {
  const codes = Object.values(UserErrorCodes);

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('includes every code of service-common, which it can emit too', () => {
    expect(codes).toEqual(expect.arrayContaining([...shared]));
  });

  it('documents exactly its own codes in the README: each documented code exists, each code is documented', () => {
    const documented = documentedCodes(readRepositoryReadme(), 'UserService');
    expect([...documented].sort()).toEqual(Object.values(own).sort());
  });

  it('has every one of its own codes raised by at least one test', () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    expect(codesNoTestRaises(packageDir, own, ['UserErrorCodes'])).toEqual([]);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codesNoTestRaises, documentedCodes, readRepositoryReadme } from '../test/testing/index.ts';
import { ServiceCommonErrorCodes } from './errors.ts';

describe('service-common error catalogue', () => {
  const codes = Object.values(ServiceCommonErrorCodes);

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('documents exactly its codes in the README: each documented code exists, each code is documented', () => {
    const documented = documentedCodes(readRepositoryReadme(), 'Shared by every service');
    expect([...documented].sort()).toEqual([...codes].sort());
  });

  it('has every code raised by at least one test', () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    const names = ['ServiceCommonErrorCodes', 'CommonErrorCodes', 'RouterErrorCodes', 'StartErrorCodes'];
    expect(codesNoTestRaises(packageDir, ServiceCommonErrorCodes, names)).toEqual([]);
  });
});

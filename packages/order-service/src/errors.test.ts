import { fileURLToPath } from 'node:url';
import { ServiceCommonErrorCodes } from '@contract-kit/service-common';
import { codesNoTestRaises, documentedCodes, readRepositoryReadme } from '@contract-kit/service-common/testing';
import { describe, expect, it } from 'vitest';
import { OrderErrorCodes } from './errors.ts';
import { UserServiceErrorCodes } from './user-service-client/errors.ts';

const shared = new Set<string>(Object.values(ServiceCommonErrorCodes));
/** The codes OrderService adds to service-common's in its HTTP answers. */
const own = Object.fromEntries(Object.entries(OrderErrorCodes).filter(([, code]) => !shared.has(code)));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('OrderService error catalogue', () => {
  const codes = Object.values(OrderErrorCodes);

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('includes every code of service-common, which it can emit too', () => {
    expect(codes).toEqual(expect.arrayContaining([...shared]));
  });

  it('documents exactly its own codes in the README: each documented code exists, each code is documented', () => {
    const documented = documentedCodes(readRepositoryReadme(), 'OrderService');
    expect([...documented].sort()).toEqual(Object.values(own).sort());
  });

  it('has every one of its own codes raised by at least one test', () => {
    expect(codesNoTestRaises(packageDir, own, ['OrderErrorCodes'])).toEqual([]);
  });
});

describe('UserServiceClient error catalogue', () => {
  const codes = Object.values(UserServiceErrorCodes);

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('documents exactly its codes in the README: each documented code exists, each code is documented', () => {
    const documented = documentedCodes(readRepositoryReadme(), "OrderService's `UserServiceClient`");
    expect([...documented].sort()).toEqual([...codes].sort());
  });

  it('has every code raised by at least one test', () => {
    expect(codesNoTestRaises(packageDir, UserServiceErrorCodes, ['UserServiceErrorCodes'])).toEqual([]);
  });
});

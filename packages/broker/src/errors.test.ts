import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codesNoTestRaises } from '@contract-kit/service-common/testing';
import { describe, expect, it } from 'vitest';
import { BrokerErrorCodes } from './errors.ts';

/** The first column of the table in the README's "## Errors" section. */
function documentedCodes(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Errors\n'));
  if (section === undefined) throw new Error('README.md has no "## Errors" section');
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((match) => match[1] as string);
}

describe('error catalogue', () => {
  const codes = Object.values(BrokerErrorCodes);

  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('documents exactly its codes in the README: each documented code exists, each code is documented', () => {
    expect([...documentedCodes()].sort()).toEqual([...codes].sort());
  });

  it('has every code raised by at least one test', () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    expect(
      codesNoTestRaises(packageDir, BrokerErrorCodes, [
        'BrokerErrorCodes',
        'CommonErrorCodes',
        'RouterErrorCodes',
        'ClientErrorCodes',
        'StartErrorCodes',
      ]),
    ).toEqual([]);
  });
});

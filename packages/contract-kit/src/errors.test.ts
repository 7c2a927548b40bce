import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContractKitErrorCodes } from './errors.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const codes = Object.values(ContractKitErrorCodes);

/** The codes of the error table in the package README. */
function documentedCodes(): string[] {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const table = readme.slice(
    readme.indexOf('## Error codes'),
    readme.indexOf('\n## ', readme.indexOf('## Error codes') + 1),
  );
  return [...table.matchAll(/^\| `(CK_[A-Z_]+)` \|/gm)].map((m) => m[1] as string);
}

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'adoption' || entry.name === 'fixtures' ? [] : testSources(path);
    return entry.name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('contract-kit error catalogue', () => {
  it('has unique codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('documents every code in the package README', () => {
    expect(codes.filter((code) => !documentedCodes().includes(code))).toEqual([]);
  });

  it('documents no code that does not exist', () => {
    expect(documentedCodes().filter((code) => !(codes as string[]).includes(code))).toEqual([]);
  });

  it('has every code raised and asserted by at least one test', () => {
    const sources = [...testSources(join(packageDir, 'src')), ...testSources(join(packageDir, 'test'))].join('\n');
    const asserted = (key: string, code: string) =>
      sources.includes(`ContractKitErrorCodes.${key}`) ||
      sources.includes(`[${code}]`) ||
      sources.includes(`'${code}'`);
    expect(Object.entries(ContractKitErrorCodes).filter(([key, code]) => !asserted(key, code))).toEqual([]);
  });
});

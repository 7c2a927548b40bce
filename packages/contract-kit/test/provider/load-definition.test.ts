import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractKitErrorCodes } from '../../src/errors.ts';
import { loadProviderDefinition } from '../../src/provider/load-definition.ts';

/**
 * A provider definition loads from any module a team may write it in, in a CommonJS package and
 * in an ES module package alike (a `.ts` definition in a CommonJS package failed before with
 * ERR_REQUIRE_CYCLE_MODULE). TypeScript files carry types, so they are compiled for real.
 */
const root = mkdtempSync(join(tmpdir(), 'ck-definitions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const esm = (name: string) =>
  `const provider: string = '${name}';\nexport const other = { provider: 'Other', baseUrl: 'http://127.0.0.1:9' };\nexport default { provider, baseUrl: 'http://127.0.0.1:9' };\n`;
const esmJs = (name: string) => esm(name).replace(': string', '');
const cjs = (name: string) => `module.exports = { provider: '${name}', baseUrl: 'http://127.0.0.1:9' };\n`;
const cts = (name: string) =>
  `const provider: string = '${name}';\nmodule.exports = { provider, baseUrl: 'http://127.0.0.1:9' };\n`;
// What tsc makes of `export default` in CommonJS.
const compiled = (name: string) =>
  `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.default = { provider: '${name}', baseUrl: 'http://127.0.0.1:9' };\n`;

const cases: [string, 'commonjs' | 'module', string, (name: string) => string][] = [
  ['.js', 'commonjs', 'def.js', cjs],
  ['.js (compiled by tsc)', 'commonjs', 'compiled.js', compiled],
  ['.cjs', 'commonjs', 'def.cjs', cjs],
  ['.mjs', 'commonjs', 'def.mjs', esmJs],
  ['.ts', 'commonjs', 'def.ts', esm],
  ['.cts', 'commonjs', 'def.cts', cts],
  ['.mts', 'commonjs', 'def.mts', esm],
  ['.js', 'module', 'def.js', esmJs],
  ['.cjs', 'module', 'def.cjs', cjs],
  ['.mjs', 'module', 'def.mjs', esmJs],
  ['.ts', 'module', 'def.ts', esm],
  ['.cts', 'module', 'def.cts', cts],
  ['.mts', 'module', 'def.mts', esm],
];

function write(type: string, file: string, content: string): string {
  const dir = join(root, type);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `defs-${type}`, type }));
  writeFileSync(join(dir, file), content);
  return join(dir, file);
}

describe('loadProviderDefinition', () => {
  it.each(cases)('loads a %s definition in a %s package', async (_ext, type, file, content) => {
    const name = `P-${type}-${file}`;
    const path = write(type, file, content(name));
    expect(await loadProviderDefinition(path)).toEqual({ provider: name, baseUrl: 'http://127.0.0.1:9' });
    // As a file URL too (`module: import.meta.url`).
    expect((await loadProviderDefinition(pathToFileURL(path).href)).provider).toBe(name);
  });

  it('loads a named export (what shard workers ask for)', async () => {
    const path = write('module', 'named.ts', esm('Named'));
    expect((await loadProviderDefinition(path, 'other')).provider).toBe('Other');
  });

  it('names the module and what it must export when it exports no definition', async () => {
    const path = write('module', 'empty.mjs', 'export const nothing = 1;\n');
    await expect(loadProviderDefinition(path)).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.configInvalid,
        message: `${path} must default-export defineProvider({ provider, app or baseUrl, states or stateChangeUrl, … }) from contract-kit/provider.`,
      }),
    );
  });

  it('says which definition could not be loaded and why', async () => {
    const path = write('module', 'broken.ts', 'export default {{;\n');
    await expect(loadProviderDefinition(path)).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.configInvalid,
        message: expect.stringContaining(`The provider definition ${path} could not be loaded:`),
      }),
    );
  });
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractKitErrorCodes } from '../errors.ts';
import {
  canonicalJson,
  failureFileName,
  mergeAllParts,
  mergePactParts,
  pairsWithParts,
  preparePart,
} from './pact-parts.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ck-parts-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const pair = { consumer: 'Web', provider: 'Api' };

function interaction(description: string, extra: Record<string, unknown> = {}) {
  return { description, providerStates: [{ name: 'ready' }], request: { method: 'GET', path: '/' }, ...extra };
}

/** Simulates one test file's run: a part holding the pact pact-js would have written. */
function writePart(testName: string, interactions: unknown[]): string {
  const testFile = join(root, testName);
  writeFileSync(testFile, '// test');
  const dir = preparePart({ pactDir: root, ...pair, testFile });
  const pact = {
    consumer: { name: 'Web' },
    provider: { name: 'Api' },
    interactions,
    metadata: { pactSpecification: { version: '4.0' } },
  };
  writeFileSync(join(dir, 'Web-Api.json'), JSON.stringify(pact));
  return testFile;
}

function merged(): { interactions: { description: string }[] } {
  return JSON.parse(readFileSync(join(root, 'Web-Api.json'), 'utf8'));
}

describe('mergePactParts', () => {
  it('merges every part, sorted by description, in canonical JSON', () => {
    writePart('b.test.ts', [interaction('z last'), interaction('b middle')]);
    writePart('a.test.ts', [interaction('a first')]);
    expect(mergePactParts({ pactDir: root, ...pair })).toEqual({
      file: join(root, 'Web-Api.json'),
      interactions: 3,
      parts: 2,
      changed: true,
    });
    expect(merged().interactions.map((i) => i.description)).toEqual(['a first', 'b middle', 'z last']);
    expect(readFileSync(join(root, 'Web-Api.json'), 'utf8')).toBe(canonicalJson(merged()));
  });

  it('reports no change and leaves the file alone when the merge is identical', () => {
    writePart('a.test.ts', [interaction('one')]);
    mergePactParts({ pactDir: root, ...pair });
    expect(mergePactParts({ pactDir: root, ...pair })?.changed).toBe(false);
  });

  it('drops interactions a test file no longer declares', () => {
    writePart('a.test.ts', [interaction('kept'), interaction('removed later')]);
    mergePactParts({ pactDir: root, ...pair });
    writePart('a.test.ts', [interaction('kept')]);
    mergePactParts({ pactDir: root, ...pair });
    expect(merged().interactions.map((i) => i.description)).toEqual(['kept']);
  });

  it('drops the parts of deleted test files', () => {
    writePart('a.test.ts', [interaction('from a')]);
    const b = writePart('b.test.ts', [interaction('from b')]);
    rmSync(b);
    mergePactParts({ pactDir: root, ...pair });
    expect(merged().interactions.map((i) => i.description)).toEqual(['from a']);
    expect(readdirSync(join(root, '.parts', 'Web-Api'))).toHaveLength(1);
  });

  it('keeps one copy of an interaction two files declare identically', () => {
    writePart('a.test.ts', [interaction('shared')]);
    writePart('b.test.ts', [interaction('shared')]);
    expect(mergePactParts({ pactDir: root, ...pair })?.interactions).toBe(1);
  });

  it('refuses two different interactions with the same description and states', () => {
    writePart('a.test.ts', [interaction('clash', { response: { status: 200 } })]);
    writePart('b.test.ts', [interaction('clash', { response: { status: 404 } })]);
    expect(() => mergePactParts({ pactDir: root, ...pair })).toThrowError(
      expect.objectContaining({ code: ContractKitErrorCodes.pactConflict }),
    );
  });

  it('names a malformed part and says what to do', () => {
    const testFile = join(root, 'a.test.ts');
    writeFileSync(testFile, '');
    const dir = preparePart({ pactDir: root, ...pair, testFile });
    writeFileSync(join(dir, 'Web-Api.json'), '{"interactions": [');
    expect(() => mergePactParts({ pactDir: root, ...pair })).toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.pactPartMalformed,
        message: expect.stringMatching(
          /Web-Api\.json is not valid JSON .*Delete it and run the consumer tests again\.$/,
        ),
      }),
    );
  });

  it('refuses to merge while a part records a failed interaction, and changes no pact file', () => {
    writePart('a.test.ts', [interaction('kept')]);
    mergePactParts({ pactDir: root, ...pair });
    const before = readFileSync(join(root, 'Web-Api.json'), 'utf8');
    // b.test.ts ran, and its interaction failed: its part lacks it.
    const b = writePart('b.test.ts', []);
    const partDir = join(
      root,
      '.parts',
      'Web-Api',
      readdirSync(join(root, '.parts', 'Web-Api')).find((id) =>
        readFileSync(join(root, '.parts', 'Web-Api', id, 'source.json'), 'utf8').includes(b),
      ) as string,
    );
    writeFileSync(join(partDir, failureFileName('lost')), '{}');
    expect(() => mergeAllParts(root)).toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.mergeRefused,
        message: expect.stringMatching(
          /b\.test\.ts failed in the last run, so its part lacks it: no pact file was changed/,
        ),
      }),
    );
    expect(readFileSync(join(root, 'Web-Api.json'), 'utf8')).toBe(before);
  });

  it('finds the pairs that have parts', () => {
    writePart('a.test.ts', [interaction('x')]);
    mkdirSync(join(root, '.parts', 'Empty-Pair', 'abc'), { recursive: true });
    expect(pairsWithParts(root)).toEqual([pair]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

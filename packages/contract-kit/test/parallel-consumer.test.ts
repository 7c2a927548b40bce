import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/parallel-consumer', import.meta.url));
const vitestBin = fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'ck-parallel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const runs = 5;
const files = 6;
const perFile = 5;

/** One run in a pact folder of its own: each run must write the whole pact by itself. */
function runConsumerSuite(_: unknown, run: number): string {
  const pactDir = join(root, `run-${run}`);
  const result = spawnSync(process.execPath, [vitestBin, 'run', '--config', join(fixture, 'vitest.config.ts')], {
    cwd: fixture,
    env: { ...process.env, PACT_DIR: pactDir, PACT_DO_NOT_TRACK: 'true', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return readFileSync(join(pactDir, 'ParallelConsumer-ParallelProvider.json'), 'utf8');
}

describe('consumer pacts under parallel vitest workers', () => {
  it(`lose no interaction and are byte-identical over ${runs} runs of ${files} files × ${perFile} interactions`, () => {
    const outputs = Array.from({ length: runs }, runConsumerSuite);
    const descriptions = (
      JSON.parse(outputs[0] ?? '{}') as { interactions: { description: string }[] }
    ).interactions.map((i) => i.description);
    const expected = ['a', 'b', 'c', 'd', 'e', 'f']
      .flatMap((group) => Array.from({ length: perFile }, (_, i) => `${group}: a request for thing ${i}`))
      .sort();
    expect(descriptions).toEqual(expected);
    for (const output of outputs) expect(output).toBe(outputs[0]);
  }, 300_000);
});

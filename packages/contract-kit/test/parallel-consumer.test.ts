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

// Two runs show whether the bytes depend on which worker finished first; four files on four workers
// all write the one pact at once. More of either costs a vitest start or a worker's pact-js load each,
// and proves nothing more (the fixture has six files for the benchmark).
const runs = 2;
const groups = ['a', 'b', 'c', 'd'];
const perFile = 5;

/** One run in a pact folder of its own: each run must write the whole pact by itself. */
function runConsumerSuite(_: unknown, run: number): string {
  const pactDir = join(root, `run-${run}`);
  const filters = groups.map((group) => `${group}.pact-fixture.ts`);
  const args = [vitestBin, 'run', '--config', join(fixture, 'vitest.config.ts'), ...filters];
  const result = spawnSync(process.execPath, args, {
    cwd: fixture,
    env: { ...process.env, PACT_DIR: pactDir, PACT_DO_NOT_TRACK: 'true', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return readFileSync(join(pactDir, 'ParallelConsumer-ParallelProvider.json'), 'utf8');
}

describe('consumer pacts under parallel vitest workers', () => {
  it(`lose no interaction and are byte-identical over ${runs} runs of ${groups.length} files × ${perFile} interactions`, () => {
    const outputs = Array.from({ length: runs }, runConsumerSuite);
    const descriptions = (
      JSON.parse(outputs[0] ?? '{}') as { interactions: { description: string }[] }
    ).interactions.map((i) => i.description);
    const expected = groups
      .flatMap((group) => Array.from({ length: perFile }, (_, i) => `${group}: a request for thing ${i}`))
      .sort();
    expect(descriptions).toEqual(expected);
    for (const output of outputs) expect(output).toBe(outputs[0]);
  }, 300_000);
});

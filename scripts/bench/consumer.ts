import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, summarise } from './stats.ts';

const fixture = 'packages/contract-kit/test/fixtures/parallel-consumer';
const files = 6;

/**
 * The consumer suite (6 test files on 4 vitest workers) `runs` times with contract-kit's pact
 * parts and `runs` times with pact-js merging into one shared file: wall time and interactions lost.
 */
export function benchConsumer(runs: number, perFile: number, log: (line: string) => void) {
  const expected = files * perFile;
  const measure = (mode: 'ours' | 'stock') => {
    const times: number[] = [];
    let lost = 0;
    let runsLosing = 0;
    let failedRuns = 0;
    for (let run = 1; run <= runs; run += 1) {
      const pactDir = mkdtempSync(join(tmpdir(), `bench-consumer-${mode}-`));
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        ['node_modules/vitest/vitest.mjs', 'run', '--config', join(fixture, 'vitest.config.ts')],
        {
          env: {
            ...process.env,
            PACT_DIR: pactDir,
            PACT_MODE: mode,
            PER_FILE: String(perFile),
            PACT_DO_NOT_TRACK: 'true',
          },
          encoding: 'utf8',
        },
      );
      times.push(performance.now() - started);
      const file = join(pactDir, 'ParallelConsumer-ParallelProvider.json');
      const written = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { interactions: unknown[] }).interactions.length
        : 0;
      rmSync(pactDir, { recursive: true, force: true });
      if (result.status !== 0 && mode === 'ours')
        throw new Error(`consumer suite failed:\n${result.stdout}${result.stderr}`);
      // A run whose tests failed says nothing about pact writing: counted apart, not as losses.
      if (result.status !== 0) {
        failedRuns += 1;
        log(`  consumer ${mode} run ${run}/${runs}: tests failed, not counted`);
        continue;
      }
      lost += expected - written;
      if (written < expected) runsLosing += 1;
      log(
        `  consumer ${mode} run ${run}/${runs}: ${Math.round(times.at(-1) ?? 0)} ms, ${written}/${expected} interactions written`,
      );
    }
    return { wallMs: summarise(times), interactionsLost: lost, runsLosingInteractions: runsLosing, failedRuns };
  };
  const ours = measure('ours');
  const stock = measure('stock');
  return {
    interactionsPerRun: expected,
    runs,
    ours,
    stock,
    // What the parallel-safe writing costs per interaction on top of pact-js's own writing.
    oursMarginalMsPerInteraction: round((ours.wallMs.median - stock.wallMs.median) / expected),
  };
}

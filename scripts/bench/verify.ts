import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPact } from '@contract-kit/user-service/contract';
import { runChild } from './child.ts';
import { round, type Summary, summarise } from './stats.ts';

export interface VerifyFigures {
  stockMsPerInteraction: number;
  oursMsPerInteraction: number;
  speedup: number;
  stock: Summary;
  ours: Summary;
  oursShards: number;
  /** Whole processes, start to exit: stock's verify-once process against `contract-kit verify` (scripts/kit.mjs). */
  wholeStockMs: Summary;
  wholeOursMs: Summary;
  wholeSpeedup: number;
}

interface Measurement {
  which: 'stock' | 'ours';
  ms: number;
  passed: boolean;
  shards: number;
  error?: string;
}

async function measure(which: 'stock' | 'ours', interactions: number): Promise<Measurement> {
  const { lines, stderr } = await runChild([
    '--conditions=@contract-kit/source',
    'scripts/bench/verify-once.ts',
    which,
    String(interactions),
  ]);
  const result = lines.at(-1) as Measurement | undefined;
  if (!result || result.error || !result.passed) {
    throw new Error(
      `${which} verification of ${interactions} interactions did not pass: ${result?.error ?? stderr.slice(-500)}`,
    );
  }
  return result;
}

/** Wall time of one process, from spawn to exit, its output dropped; fails unless it exits 0. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true', ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${args.join(' ')} exited with ${code}`));
    });
  });
}

/** `contract-kit verify` as a user runs it (`npm run pact:verify`'s command), on a pact of `size` interactions. */
function timeVerifyCommand(pactDir: string): Promise<number> {
  return timeProcess(['scripts/kit.mjs', 'verify', '--provider', 'packages/user-service/src/contract/provider.ts'], {
    PACT_DIR: pactDir,
  });
}

/** Stock pact-js and contract-kit side by side, alternating, `runs` times per size: ms per interaction. */
export async function benchVerify(sizes: number[], runs: number, log: (line: string) => void) {
  const figures: Record<string, VerifyFigures> = {};
  for (const size of sizes) {
    const stock: number[] = [];
    const ours: number[] = [];
    const wholeStock: number[] = [];
    const wholeOurs: number[] = [];
    let shards = 1;
    const pactDir = mkdtempSync(join(tmpdir(), 'bench-verify-command-'));
    try {
      writeFileSync(join(pactDir, 'OrderService-UserService.json'), JSON.stringify(syntheticPact(size)));
      for (let run = 1; run <= runs; run += 1) {
        const stockStarted = performance.now();
        const s = await measure('stock', size);
        wholeStock.push(performance.now() - stockStarted);
        const o = await measure('ours', size);
        wholeOurs.push(await timeVerifyCommand(pactDir));
        stock.push(s.ms / size);
        ours.push(o.ms / size);
        shards = o.shards;
        log(
          `  verify N=${size} run ${run}/${runs}: stock ${round(s.ms / size)} ms/interaction, ours ${round(o.ms / size)} ms/interaction (${o.shards} shard${o.shards > 1 ? 's' : ''}); whole processes: stock ${round(wholeStock.at(-1) ?? 0, 0)} ms, contract-kit verify ${round(wholeOurs.at(-1) ?? 0, 0)} ms`,
        );
      }
    } finally {
      rmSync(pactDir, { recursive: true, force: true });
    }
    const stockSummary = summarise(stock);
    const oursSummary = summarise(ours);
    figures[String(size)] = {
      stockMsPerInteraction: stockSummary.median,
      oursMsPerInteraction: oursSummary.median,
      speedup: round(stockSummary.median / oursSummary.median, 1),
      stock: stockSummary,
      ours: oursSummary,
      oursShards: shards,
      wholeStockMs: summarise(wholeStock),
      wholeOursMs: summarise(wholeOurs),
      wholeSpeedup: round(summarise(wholeStock).median / summarise(wholeOurs).median, 1),
    };
  }
  return figures;
}

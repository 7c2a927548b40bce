import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child.ts';
import { round, summarise } from './stats.ts';

interface LoopReport {
  ok: boolean;
  totalMs: number;
  steps: { name: string; ms: number; status: string }[];
}

const consumerStep = 'OrderService consumer pact tests';

/** `npm run contracts` once: its wall time and the steps it reported. */
async function ourLoop(): Promise<LoopReport> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-loop-'));
  try {
    const reportFile = join(dir, 'loop.json');
    const started = performance.now();
    const { code, stderr } = await runChild([
      '--conditions=@contract-kit/source',
      'scripts/contracts.ts',
      '--report',
      reportFile,
    ]);
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`npm run contracts failed: ${stderr.slice(-1000)}`);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as LoopReport;
    return { ...report, totalMs: wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same loop done with stock pact-js and the official CLI (scripts/bench/stock-loop.ts), once. */
async function stockLoop(): Promise<LoopReport> {
  const started = performance.now();
  const { code, lines, stderr } = await runChild(['--conditions=@contract-kit/source', 'scripts/bench/stock-loop.ts']);
  const wallMs = performance.now() - started;
  const report = lines.at(-1) as LoopReport | undefined;
  if (code !== 0 || !report?.ok) throw new Error(`the stock loop failed: ${stderr.slice(-1000)}`);
  return { ...report, totalMs: wallMs };
}

const stepsOf = (reports: LoopReport[]) => {
  const names = reports[0]?.steps.map((s) => s.name.replace(/ as [0-9a-f]{12} on .*$/, '')) ?? [];
  return Object.fromEntries(names.map((name, i) => [name, summarise(reports.map((r) => r.steps[i]?.ms ?? 0))]));
};

/**
 * `npm run contracts` and the stock loop, alternating, `runs` times each, every one a whole process
 * from start to exit: wall times, each step's, and the ratios of ours to stock (under 1: ours is faster).
 */
export async function benchLoop(runs: number, log: (line: string) => void) {
  const ours: LoopReport[] = [];
  const stock: LoopReport[] = [];
  for (let run = 1; run <= runs; run += 1) {
    ours.push(await ourLoop());
    log(`  loop run ${run}/${runs}: ${Math.round(ours.at(-1)?.totalMs ?? 0)} ms`);
    stock.push(await stockLoop());
    log(`  stock loop run ${run}/${runs}: ${Math.round(stock.at(-1)?.totalMs ?? 0)} ms`);
  }
  const wallMs = summarise(ours.map((r) => r.totalMs));
  const stockWallMs = summarise(stock.map((r) => r.totalMs));
  const consumerMs = (reports: LoopReport[]) =>
    summarise(reports.map((r) => r.steps.find((s) => s.name === consumerStep)?.ms ?? 0));
  const consumer = { ours: consumerMs(ours), stock: consumerMs(stock) };
  return {
    wallMs,
    steps: stepsOf(ours),
    stock: { wallMs: stockWallMs, steps: stepsOf(stock) },
    ratioToStock: round(wallMs.median / stockWallMs.median),
    consumerStep: { ...consumer, ratioToStock: round(consumer.ours.median / consumer.stock.median) },
  };
}

/**
 * The benchmark suite, `npm run bench`: verification (stock pact-js vs contract-kit), consumer pact
 * writing, the broker at scale, and the contract loop. Writes bench/results/latest.json and
 * bench/results/latest.md (with the machine it ran on) and prints the table.
 *   npm run bench -- [--only verify,consumer,broker,loop] [--runs 3] [--sizes 100,500,1000] [--consumer-runs 20]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchBroker } from './broker-section.ts';
import { benchConsumer } from './consumer.ts';
import { benchLoop } from './loop.ts';
import { withStealMeasured } from './steal.ts';
import { benchVerify } from './verify.ts';

const sections = ['verify', 'consumer', 'broker', 'loop'] as const;
const resultsFile = 'bench/results/latest.json';
type Section = (typeof sections)[number];

function machine() {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function markdown(results: Record<string, unknown>): string {
  const m = results.machine as ReturnType<typeof machine>;
  const lines = [
    `Measured on ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}; medians of ${results.runs} runs, [min–max]. Sections measured: ${Object.entries(
      (results.measuredAt as Record<string, string> | undefined) ?? {},
    )
      .map(([section, at]) => `${section} ${at}`)
      .join(', ')}.`,
    '',
  ];
  const steal = Object.entries((results.stealPercent as Record<string, number> | undefined) ?? {});
  if (steal.length > 0) {
    lines.push(
      `CPU time taken by other guests of the host while each section ran (high values slow every figure): ${steal
        .map(([section, percent]) => `${section} ${percent}%`)
        .join(', ')}.`,
      '',
    );
  }
  const verify = results.verify as Record<string, import('./verify.ts').VerifyFigures> | undefined;
  if (verify) {
    lines.push(
      '| verify: interactions | stock pact-js ms/interaction | contract-kit ms/interaction | speed-up | shards | whole process: stock ms | `contract-kit verify` ms | speed-up |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const [n, f] of Object.entries(verify)) {
      const whole = f.wholeOursMs
        ? `${f.wholeStockMs.median} [${f.wholeStockMs.min}–${f.wholeStockMs.max}] | ${f.wholeOursMs.median} [${f.wholeOursMs.min}–${f.wholeOursMs.max}] | ${f.wholeSpeedup}×`
        : '– | – | –';
      lines.push(
        `| ${n} | ${f.stock.median} [${f.stock.min}–${f.stock.max}] | ${f.ours.median} [${f.ours.min}–${f.ours.max}] | ${f.speedup}× | ${f.oursShards} | ${whole} |`,
      );
    }
    lines.push('');
  }
  const consumer = results.consumer as ReturnType<typeof benchConsumer> | undefined;
  if (consumer) {
    lines.push(
      `| consumer: ${consumer.interactionsPerRun} interactions, 6 files, 4 workers, ${consumer.runs} runs | wall ms | interactions lost (runs losing any) |`,
      '|---|---|---|',
      `| pact-js merging into one file | ${consumer.stock.wallMs.median} [${consumer.stock.wallMs.min}–${consumer.stock.wallMs.max}] | ${consumer.stock.interactionsLost} (${consumer.stock.runsLosingInteractions}) |`,
      `| contract-kit parts, merged once | ${consumer.ours.wallMs.median} [${consumer.ours.wallMs.min}–${consumer.ours.wallMs.max}] | ${consumer.ours.interactionsLost} (${consumer.ours.runsLosingInteractions}) |`,
      '',
      `Runs whose tests failed (not counted): pact-js ${consumer.stock.failedRuns ?? 0}, contract-kit ${consumer.ours.failedRuns ?? 0}.`,
      '',
      `Marginal cost of the parallel-safe writing: ${consumer.oursMarginalMsPerInteraction} ms per interaction.`,
      '',
    );
  }
  const broker = results.broker as Record<string, unknown> | undefined;
  if (broker) {
    lines.push('| broker at scale | figure |', '|---|---|');
    for (const [key, value] of Object.entries(broker)) lines.push(`| ${key} | ${JSON.stringify(value)} |`);
    lines.push('');
  }
  const loop = results.loop as Awaited<ReturnType<typeof benchLoop>> | undefined;
  if (loop) {
    const cell = (s: { median: number; min: number; max: number } | undefined) =>
      s ? `${s.median} [${s.min}–${s.max}]` : '–';
    lines.push(
      '| loop, whole processes | `npm run contracts` ms | stock pact-js + official CLI ms |',
      '|---|---|---|',
      `| total (wall) | ${cell(loop.wallMs)} | ${cell(loop.stock?.wallMs)} |`,
    );
    const names = [...new Set([...Object.keys(loop.steps), ...Object.keys(loop.stock?.steps ?? {})])];
    for (const name of names) lines.push(`| ${name} | ${cell(loop.steps[name])} | ${cell(loop.stock?.steps[name])} |`);
    lines.push('');
    if (loop.ratioToStock !== undefined) {
      lines.push(
        `Ratios to stock (under 1: faster than stock): loop ${loop.ratioToStock}×, consumer step (the same 9 interactions) ${loop.consumerStep.ratioToStock}×.`,
        '',
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      runs: { type: 'string', default: '3' },
      sizes: { type: 'string', default: '100,500,1000' },
      'consumer-runs': { type: 'string', default: '20' },
    },
  });
  const only = (values.only?.split(',') ?? sections) as Section[];
  const runs = Number(values.runs);
  const log = (line: string) => console.log(line);
  // Sections not run this time keep their last figures (with the date each was measured).
  const previous = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
    : {};
  const results: Record<string, unknown> = { ...previous, date: new Date().toISOString(), machine: machine(), runs };
  const measuredAt = { ...((previous.measuredAt as Record<string, string> | undefined) ?? {}) };
  for (const section of only) measuredAt[section] = results.date as string;
  results.measuredAt = measuredAt;

  const steal = { ...((previous.stealPercent as Record<string, number> | undefined) ?? {}) };
  const measure = async <T>(section: Section, work: () => Promise<T> | T): Promise<T> => {
    const { result, stealPercent } = await withStealMeasured(work);
    if (stealPercent === undefined) delete steal[section];
    else steal[section] = stealPercent;
    return result;
  };
  if (only.includes('verify')) {
    log('verify: stock pact-js Verifier vs contract-kit verifyProvider, same UserService, same synthetic pact');
    results.verify = await measure('verify', () => benchVerify(values.sizes.split(',').map(Number), runs, log));
  }
  if (only.includes('consumer')) {
    log('consumer: pact writing under parallel vitest workers');
    const { ratioToStock } = (results.consumer as { ratioToStock?: number } | undefined) ?? {};
    const consumer = await measure('consumer', () => benchConsumer(Number(values['consumer-runs']), 5, log));
    // ratioToStock comes from the loop section: kept until that runs again.
    results.consumer = { ...consumer, ...(ratioToStock === undefined ? {} : { ratioToStock }) };
  }
  if (only.includes('broker')) {
    log('broker: the embedded broker at scale');
    results.broker = await measure('broker', () => benchBroker(log));
  }
  if (only.includes('loop')) {
    log('loop: npm run contracts');
    const loop = await measure('loop', () => benchLoop(runs, log));
    results.loop = loop;
    // The consumer step of the loop against plain pact-js running the same 9 interactions.
    results.consumer = {
      ...((results.consumer as object | undefined) ?? {}),
      ratioToStock: loop.consumerStep.ratioToStock,
    };
  }
  results.stealPercent = steal;

  mkdirSync('bench/results', { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const table = markdown(results);
  writeFileSync('bench/results/latest.md', `${table}\n`);
  console.log(`\n${table}\nWritten: bench/results/latest.json, bench/results/latest.md`);
}

main().catch((err: unknown) => {
  console.error(`The benchmark suite failed: ${(err as Error).message}`);
  process.exitCode = 1;
});

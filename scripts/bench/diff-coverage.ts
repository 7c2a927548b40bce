/**
 * How long `contract-kit diff` and `contract-kit coverage` take: the engines on the project's pact
 * and on a generated 500-interaction pact (the project's interactions repeated, one in ten changed),
 * the --openapi static check, and the whole CLI as a process (its start included).
 *   npx tsx --conditions=@contract-kit/source scripts/bench/diff-coverage.ts [--runs 20]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeCoverage } from 'contract-kit/coverage';
import { diffPacts } from 'contract-kit/diff';
import { summarise } from './stats.ts';

// biome-ignore lint/suspicious/noExplicitAny: the generator edits pacts of known shape; typing each step would hide what it does.
type Json = Record<string, any>;

const pactFile = 'pacts/OrderService-UserService.json';
const openapiFile = 'packages/user-service/openapi.json';

/** `size` interactions from the project's, each with its own description and id. */
function generated(base: Json, size: number): Json {
  const source = base.interactions as Json[];
  const interactions = Array.from({ length: size }, (_, i) => {
    const interaction = structuredClone(source[i % source.length]) as Json;
    interaction.description = `${interaction.description} #${i}`;
    if (/^\/users\/\d+$/.test(interaction.request.path)) interaction.request.path = `/users/${1000 + i}`;
    return interaction;
  });
  return { ...base, interactions };
}

/** One interaction in ten changed: a field the consumer now reads, a status, a loosened matcher. */
function changed(pact: Json): Json {
  const copy = structuredClone(pact);
  (copy.interactions as Json[]).forEach((interaction, i) => {
    if (i % 10 !== 0) return;
    const body = interaction.response.body?.content;
    if (i % 30 === 0 && body && typeof body === 'object') body.nickname = 'Ada';
    else if (i % 30 === 10) interaction.response.status = interaction.response.status === 200 ? 203 : 410;
    else {
      for (const rule of Object.values((interaction.response.matchingRules?.body ?? {}) as Json)) {
        for (const m of rule.matchers) if (m.match === 'integer') m.match = 'number';
      }
    }
  });
  return copy;
}

function time(runs: number, work: () => unknown): ReturnType<typeof summarise> {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return summarise(times);
}

async function timeAsync(runs: number, work: () => Promise<unknown>): Promise<ReturnType<typeof summarise>> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return summarise(times);
}

function cli(args: string[]): number {
  const started = performance.now();
  try {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=@contract-kit/source', 'packages/contract-kit/src/cli/main.ts', ...args],
      {
        stdio: 'ignore',
        env: { ...process.env, PACT_BROKER_BASE_URL: '' },
      },
    );
  } catch {
    // Exit 1 (a breaking change) is an answer, not a failure of the measurement.
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
  const runs = Number(values.runs);
  const base = JSON.parse(readFileSync(pactFile, 'utf8')) as Json;
  const openapi = JSON.parse(readFileSync(openapiFile, 'utf8')) as Json;
  const big = generated(base, 500);
  const bigChanged = changed(big);
  const small = changed(base);
  const dir = mkdtempSync(join(tmpdir(), 'ck-bench-diff-'));
  try {
    const files = {
      small: join(dir, 'small.json'),
      big: join(dir, 'big.json'),
      bigChanged: join(dir, 'big-changed.json'),
    };
    writeFileSync(files.small, JSON.stringify(small));
    writeFileSync(files.big, JSON.stringify(big));
    writeFileSync(files.bigChanged, JSON.stringify(bigChanged));
    const { compareSides } = await import('../../packages/contract-kit/src/diff/compare-sides.ts');
    const { loadOpenApiOrThrow } = await import('../../packages/contract-kit/src/diff/openapi-check.ts');
    const loaded = await loadOpenApiOrThrow(openapiFile);
    const side = (pact: Json, spec: string) => ({
      spec,
      pacts: [{ consumer: 'OrderService', provider: 'UserService', origin: spec, pact }],
    });
    const rows: [string, ReturnType<typeof summarise>][] = [
      ['diffPacts, project pact (9 interactions)', time(runs, () => diffPacts(base, small))],
      ['diffPacts, 500 interactions', time(runs, () => diffPacts(big, bigChanged))],
      ['computeCoverage, project pact', time(runs, () => computeCoverage(openapi, [base]))],
      ['computeCoverage, 500 interactions', time(runs, () => computeCoverage(openapi, [big]))],
      [
        'diff with --openapi check, project pact',
        await timeAsync(Math.min(runs, 5), () =>
          compareSides(side(base, 'old'), side(small, 'new'), { openapi: loaded }),
        ),
      ],
      [
        'diff with --openapi check, 500 interactions',
        await timeAsync(Math.min(runs, 5), () =>
          compareSides(side(big, 'old'), side(bigChanged, 'new'), { openapi: loaded }),
        ),
      ],
    ];
    const processRuns = 3;
    const processTime = (args: string[]) => summarise(Array.from({ length: processRuns }, () => cli(args)));
    rows.push(
      ['CLI process: --help (the start alone)', processTime(['--help'])],
      ['CLI process: diff, project pact', processTime(['diff', pactFile, files.small])],
      ['CLI process: diff, 500 interactions', processTime(['diff', files.big, files.bigChanged])],
      ['CLI process: coverage, project pact', processTime(['coverage', '--openapi', openapiFile, pactFile])],
      ['CLI process: coverage, 500 interactions', processTime(['coverage', '--openapi', openapiFile, files.big])],
    );
    console.log(`| What | median ms | min–max | runs |\n|---|---|---|---|`);
    for (const [name, s] of rows) console.log(`| ${name} | ${s.median} | ${s.min}–${s.max} | ${s.runs} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`The diff and coverage benchmark failed: ${(err as Error).message}`);
  process.exitCode = 1;
});

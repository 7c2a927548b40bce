import { runChild } from './child.ts';

async function run(args: string[], label: string, log: (line: string) => void): Promise<Record<string, unknown>> {
  const { code, lines, stderr } = await runChild(['scripts/bench/broker.ts', '--json', ...args]);
  const figures = lines.at(-1) as Record<string, unknown> | undefined;
  if (code !== 0 || !figures) throw new Error(`the broker benchmark (${label}) failed: ${stderr.slice(-1000)}`);
  log(`  broker (${label}): ${JSON.stringify(figures)}`);
  return figures;
}

/**
 * The broker's own scale benchmark (scripts/bench/broker.ts), run in its own process: on SQLite, and on
 * PostgreSQL too when BROKER_BENCH_POSTGRES_URL names one (e.g. postgres://postgres@127.0.0.1:5432/test).
 */
export async function benchBroker(log: (line: string) => void): Promise<Record<string, unknown>> {
  const sqlite = await run([], 'SQLite', log);
  const postgresUrl = process.env.BROKER_BENCH_POSTGRES_URL;
  if (!postgresUrl) {
    log('  broker on PostgreSQL: skipped (set BROKER_BENCH_POSTGRES_URL to measure it)');
    return { sqlite };
  }
  return { sqlite, postgres: await run(['--postgres', postgresUrl], 'PostgreSQL', log) };
}

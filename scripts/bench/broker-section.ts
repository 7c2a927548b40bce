import { runChild } from './child.ts';

/** The broker's own scale benchmark (scripts/bench/broker.ts), run in its own process. */
export async function benchBroker(log: (line: string) => void): Promise<Record<string, unknown>> {
  const { code, lines, stderr } = await runChild(['scripts/bench/broker.ts', '--json']);
  const figures = lines.at(-1) as Record<string, unknown> | undefined;
  if (code !== 0 || !figures) throw new Error(`the broker benchmark failed: ${stderr.slice(-1000)}`);
  log(`  broker: ${JSON.stringify(figures)}`);
  return figures;
}

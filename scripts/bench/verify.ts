import { runChild } from './child.ts';
import { round, type Summary, summarise } from './stats.ts';

export interface VerifyFigures {
  stockMsPerInteraction: number;
  oursMsPerInteraction: number;
  speedup: number;
  stock: Summary;
  ours: Summary;
  oursShards: number;
}

interface Measurement {
  which: 'stock' | 'ours';
  ms: number;
  passed: boolean;
  shards: number;
  error?: string;
}

async function measure(which: 'stock' | 'ours', interactions: number): Promise<Measurement> {
  const { lines, stderr } = await runChild(['scripts/bench/verify-once.ts', which, String(interactions)]);
  const result = lines.at(-1) as Measurement | undefined;
  if (!result || result.error || !result.passed) {
    throw new Error(
      `${which} verification of ${interactions} interactions did not pass: ${result?.error ?? stderr.slice(-500)}`,
    );
  }
  return result;
}

/** Stock pact-js and contract-kit side by side, alternating, `runs` times per size: ms per interaction. */
export async function benchVerify(sizes: number[], runs: number, log: (line: string) => void) {
  const figures: Record<string, VerifyFigures> = {};
  for (const size of sizes) {
    const stock: number[] = [];
    const ours: number[] = [];
    let shards = 1;
    for (let run = 1; run <= runs; run += 1) {
      const s = await measure('stock', size);
      const o = await measure('ours', size);
      stock.push(s.ms / size);
      ours.push(o.ms / size);
      shards = o.shards;
      log(
        `  verify N=${size} run ${run}/${runs}: stock ${round(s.ms / size)} ms/interaction, ours ${round(o.ms / size)} ms/interaction (${o.shards} shard${o.shards > 1 ? 's' : ''})`,
      );
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
    };
  }
  return figures;
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child.ts';
import { summarise } from './stats.ts';

interface LoopReport {
  ok: boolean;
  totalMs: number;
  steps: { name: string; ms: number; status: string }[];
}

/** `npm run contracts` end to end, `runs` times: total wall time and each step's. */
export async function benchLoop(runs: number, log: (line: string) => void) {
  const reports: LoopReport[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-loop-'));
    try {
      const reportFile = join(dir, 'loop.json');
      const started = performance.now();
      const { code, stderr } = await runChild(['scripts/contracts.ts', '--report', reportFile]);
      const wallMs = performance.now() - started;
      if (code !== 0) throw new Error(`npm run contracts failed: ${stderr.slice(-1000)}`);
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as LoopReport;
      reports.push({ ...report, totalMs: wallMs });
      log(`  loop run ${run}/${runs}: ${Math.round(wallMs)} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const names = reports[0]?.steps.map((s) => s.name.replace(/ as [0-9a-f]{12} on .*$/, '')) ?? [];
  return {
    wallMs: summarise(reports.map((r) => r.totalMs)),
    steps: Object.fromEntries(names.map((name, i) => [name, summarise(reports.map((r) => r.steps[i]?.ms ?? 0))])),
  };
}

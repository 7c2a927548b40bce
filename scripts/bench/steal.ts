import { readFileSync } from 'node:fs';

interface CpuTimes {
  steal: number;
  total: number;
}

/** The machine's CPU time so far, from /proc/stat (undefined off Linux). */
function cpuTimes(): CpuTimes | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    const used = fields.slice(0, 8);
    return { steal: used[7] ?? 0, total: used.reduce((sum, value) => sum + value, 0) };
  } catch {
    return undefined;
  }
}

/**
 * Measures the share of CPU time the hypervisor gave to other guests while `work` ran. On shared
 * cloud machines it is one reason the same benchmark varies from run to run (the host's CPU model is
 * another), so the results record it next to the figures.
 */
export async function withStealMeasured<T>(work: () => Promise<T> | T): Promise<{ result: T; stealPercent?: number }> {
  const before = cpuTimes();
  const result = await work();
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return { result };
  const stealPercent = Math.round((1000 * (after.steal - before.steal)) / (after.total - before.total)) / 10;
  return { result, stealPercent };
}

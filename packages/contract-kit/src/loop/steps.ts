export interface StepRecord {
  name: string;
  ms: number;
  status: 'ok' | 'failed' | 'skipped';
  note?: string;
}

export type StepListener = (event: { type: 'start' | 'end'; step: StepRecord }) => void;

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Prints each step as it starts and ends: the loop's progress display. */
export const printSteps: StepListener = ({ type, step }) => {
  if (type === 'start') process.stdout.write(`▸ ${step.name}…\n`);
  else {
    const mark = step.status === 'ok' ? '✓' : step.status === 'skipped' ? '-' : '✗';
    process.stdout.write(`${mark} ${step.name} (${formatMs(step.ms)})${step.note ? `: ${step.note}` : ''}\n`);
  }
};

/** Runs named steps in order, timing each; a failed step is recorded, and later steps may be skipped. */
export class StepRunner {
  readonly steps: StepRecord[] = [];
  constructor(private readonly listener: StepListener = () => {}) {}

  get failed(): boolean {
    return this.steps.some((s) => s.status === 'failed');
  }

  async run<T>(name: string, work: () => Promise<T>, judge?: (result: T) => string | undefined): Promise<T> {
    const step: StepRecord = { name, ms: 0, status: 'ok' };
    this.listener({ type: 'start', step });
    const started = performance.now();
    try {
      const result = await work();
      const failure = judge?.(result);
      if (failure) Object.assign(step, { status: 'failed', note: failure });
      return result;
    } catch (err) {
      Object.assign(step, { status: 'failed', note: (err as Error).message });
      throw err;
    } finally {
      step.ms = performance.now() - started;
      this.steps.push(step);
      this.listener({ type: 'end', step });
    }
  }

  fail(name: string, why: string): void {
    const step: StepRecord = { name, ms: 0, status: 'failed', note: why };
    this.steps.push(step);
    this.listener({ type: 'end', step });
  }

  skip(name: string, why: string): void {
    const step: StepRecord = { name, ms: 0, status: 'skipped', note: why };
    this.steps.push(step);
    this.listener({ type: 'end', step });
  }
}

/** A plain table for the terminal: columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

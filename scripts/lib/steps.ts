import { spawn } from 'node:child_process';

export interface StepTiming {
  name: string;
  ms: number;
  ok: boolean;
}

/** Runs one named step, printing when it starts and how it ended, and records its time. */
export async function step<T>(timings: StepTiming[], name: string, run: () => Promise<T>): Promise<T> {
  process.stdout.write(`▸ ${name}…\n`);
  const started = performance.now();
  try {
    const result = await run();
    const ms = performance.now() - started;
    timings.push({ name, ms, ok: true });
    process.stdout.write(`✓ ${name} (${formatMs(ms)})\n`);
    return result;
  } catch (err) {
    const ms = performance.now() - started;
    timings.push({ name, ms, ok: false });
    process.stdout.write(`✗ ${name} (${formatMs(ms)})\n`);
    throw err;
  }
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export class CommandFailedError extends Error {
  readonly code = 'CK_COMMAND_FAILED';
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`\`${command}\` exited with ${exitCode}`);
    this.name = 'CommandFailedError';
  }
}

/** Runs a command, keeping its output; the output is shown only when it fails. */
export function runQuietly(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new CommandFailedError([command, ...args].join(' '), code, output));
    });
  });
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

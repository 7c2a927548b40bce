import { spawn } from 'node:child_process';

/**
 * Runs a benchmark step in its own process (its stdout, the verifiers' own reports, is dropped)
 * and returns the JSON lines it printed on stderr.
 */
export function runChild(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; lines: unknown[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as unknown);
      resolve({ code: code ?? 1, lines, stderr });
    });
  });
}

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** `ps` lines (pid, state, command) of every process still in the group; a zombie's state starts with Z. */
function processGroup(pgid: number): { pid: number; state: string; command: string }[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,stat=,args=', '-g', String(pgid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when the group is empty
  }
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pid = '', state = '', ...command] = line.trim().split(/\s+/);
      return { pid: Number(pid), state, command: command.join(' ') };
    });
}

describe('npm run pact:verify', () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('leaves nothing running in its process group once it has exited', async () => {
    // An empty TMPDIR gives tsx a cold cache, as in a fresh clone: it then starts its esbuild service, the
    // process that used to outlive the command.
    scratch = mkdtempSync(join(tmpdir(), 'verify-command-'));
    const command = spawn('npm', ['run', '-s', 'pact:verify'], {
      cwd: repositoryRoot,
      env: { ...process.env, TMPDIR: scratch, PACT_DO_NOT_TRACK: 'true' },
      // Its own process group, whose id is its pid: what a shell gives a job.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    command.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    command.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => command.on('exit', resolve));
    const pgid = command.pid as number;
    // Read at once: a process that exited but that init has not reaped yet (state Z) holds nothing and runs
    // nothing; anything else would still be running after the command returned.
    const left = processGroup(pgid);
    expect({ code, running: left.filter((p) => !p.state.startsWith('Z')) }, output).toEqual({ code: 0, running: [] });
    await expect.poll(() => processGroup(pgid), { timeout: 10_000 }).toEqual([]);
  });
});

#!/usr/bin/env node
/**
 * `npm run kit -- <command>` (and the `pact:*` scripts): the contract-kit CLI from its TypeScript source.
 *
 * Plain JavaScript, so node runs it before any TypeScript loader. It starts one node with tsx's loader on the CLI's
 * source, as `tsx` would, and exits only when every process holding that node's stderr is gone. tsx compiles with
 * an esbuild service process that inherits the stderr and outlives node by a moment; `tsx` itself exits on node's
 * exit, which left that process running in the caller's process group after the command had returned.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../packages/contract-kit/src/cli/main.ts', import.meta.url));
const child = spawn(
  process.execPath,
  ['--conditions=@contract-kit/source', '--import', import.meta.resolve('tsx'), cli, ...process.argv.slice(2)],
  { stdio: ['inherit', 'inherit', 'pipe'] },
);
child.stderr.pipe(process.stderr);
// Ctrl-C reaches the whole foreground group already; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
// 'close' comes after the exit and after the stderr pipe's last writer has closed it.
child.on('close', (code, signal) => {
  process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
});

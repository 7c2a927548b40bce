import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromSource, kitModule } from '#runtime';
import { ContractKitError, type ContractKitErrorCode, ContractKitErrorCodes } from '../errors.ts';
import type { AnyProviderDefinition } from './define-provider.ts';
import { combineReports, type VerificationReport } from './results.ts';
import type { VerifierLogLevel } from './run-verifier.ts';
import { countInteractions, groupPieces, planShards } from './shard-plan.ts';
import { type PactGroup, verifyInProcess } from './verify-in-process.ts';

export interface ShardTask {
  module: string;
  exportName: string;
  groups: PactGroup[];
  logLevel?: VerifierLogLevel;
  timeoutMs?: number;
}

export type ShardMessage = { report: VerificationReport } | { error: string; code?: string };

/** About what this process verifies while a worker starts (≈1 s at ≈4 ms per interaction). */
const workerStartInteractions = 250;

interface RunningShard {
  result: Promise<{ report: VerificationReport; stdout: string }>;
  stop(): void;
}

function startShard(task: ShardTask, env: NodeJS.ProcessEnv): RunningShard {
  // From the workspace's TypeScript source, the worker needs the same loader and conditions as this process.
  const execArgv = fromSource ? ['--conditions=@contract-kit/source', '--import', 'tsx'] : [];
  const child = fork(kitModule('provider/shard-worker'), [], {
    execArgv,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const result = new Promise<{ report: VerificationReport; stdout: string }>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let answer: ShardMessage | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('message', (message: ShardMessage) => {
      answer = message;
    });
    child.on('error', reject);
    // 'close', not 'exit': only then are the report (IPC) and the captured output complete.
    child.on('close', (code) => {
      if (answer && 'report' in answer) return resolve({ report: answer.report, stdout });
      const why = answer && 'error' in answer ? answer.error : `the worker exited with ${code}: ${stderr.trim()}`;
      const errorCode = (answer && 'code' in answer && answer.code) || ContractKitErrorCodes.verifierCrashed;
      reject(new ContractKitError(errorCode as ContractKitErrorCode, `A verification shard failed: ${why}`));
    });
    child.send(task);
  });
  // Settled below in every case; this only keeps an early failure from counting as unhandled.
  result.catch(() => {});
  return { result, stop: () => child.kill() };
}

/**
 * Verifies local pact files in shards: this process takes the first, one worker process each of
 * the others. Each worker builds its own provider from the definition's module (its own port, its
 * own database) and runs its own verifier.
 */
export async function verifySharded(options: {
  definition: AnyProviderDefinition;
  module: string;
  pactFiles: string[];
  shards: number;
}): Promise<VerificationReport> {
  const { definition } = options;
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'contract-kit-shards-'));
  try {
    const total = countInteractions(options.pactFiles);
    const headStart = Math.min(workerStartInteractions, Math.floor(total / (options.shards * 2)));
    const [own, ...others] = planShards(options.pactFiles, options.shards, workDir, headStart);
    const env = { ...process.env, PACT_DO_NOT_TRACK: 'true' };
    // Workers start first; this process, already warm, verifies the first shard meanwhile.
    const workers = others.map((shard) =>
      startShard(
        {
          module: options.module,
          exportName: definition.exportName ?? 'default',
          groups: groupPieces(shard.files, shard.sources),
          ...(definition.logLevel ? { logLevel: definition.logLevel } : {}),
          ...(definition.timeoutMs ? { timeoutMs: definition.timeoutMs } : {}),
        },
        env,
      ),
    );
    let results: { report: VerificationReport; stdout: string }[];
    try {
      const ownReport = own
        ? await verifyInProcess({ definition, groups: groupPieces(own.files, own.sources) })
        : undefined;
      results = [
        ...(ownReport ? [{ report: ownReport, stdout: '' }] : []),
        ...(await Promise.all(workers.map((w) => w.result))),
      ];
    } catch (err) {
      // One shard failed: stop the others, and let them exit before their pact pieces are removed.
      for (const worker of workers) worker.stop();
      await Promise.allSettled(workers.map((w) => w.result));
      throw err;
    }
    // The verifier's own per-interaction output, shard by shard, as an unsharded run prints it.
    for (const { stdout } of results) process.stdout.write(stdout);
    const report = combineReports(
      definition.provider,
      results.map((r) => r.report),
      performance.now() - started,
      { sort: true },
    );
    report.shards = results.length;
    return report;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ContractKitError, type ContractKitErrorCode, ContractKitErrorCodes } from '../errors.ts';
import { minimalCertStoreEnv } from './cert-store.ts';
import type { VerificationReport } from './results.ts';
import { countInteractions, planShards } from './shard-plan.ts';
import { type VerifierLogLevel, type VerifyProviderOptions, verifyInProcess, withEnv } from './verify-provider.ts';

export interface ShardTask {
  module: string;
  exportName: string;
  files: string[];
  logLevel?: VerifierLogLevel;
  timeoutMs?: number;
}

export type ShardMessage = { report: VerificationReport } | { error: string; code?: string };

/** About what this process verifies while a worker starts (≈1 s at ≈4 ms per interaction). */
const workerStartInteractions = 250;

const workerFile = fileURLToPath(new URL('./shard-worker.ts', import.meta.url));
/** Workers run TypeScript like the rest of the kit: tsx's loader, found from here. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

interface RunningShard {
  result: Promise<{ report: VerificationReport; stdout: string }>;
  stop(): void;
}

function startShard(task: ShardTask, env: NodeJS.ProcessEnv): RunningShard {
  const child = fork(workerFile, [], {
    execArgv: ['--import', tsxLoader()],
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

/** The shards' reports as one, interactions in a stable order (consumer, then description). */
export function mergeReports(provider: string, reports: VerificationReport[], durationMs: number): VerificationReport {
  const interactions = reports
    .flatMap((r) => r.interactions)
    .sort((a, b) => a.context.localeCompare(b.context) || a.description.localeCompare(b.description));
  return {
    provider,
    passed: reports.every((r) => r.passed),
    durationMs,
    shards: reports.length,
    interactions,
    stateFailures: reports.flatMap((r) => r.stateFailures),
    // Unused overall only if no shard used it.
    unusedStates: (reports[0]?.unusedStates ?? []).filter((state) =>
      reports.every((r) => r.unusedStates.includes(state)),
    ),
    notices: [...new Set(reports.flatMap((r) => r.notices))],
    loadErrors: reports.flatMap((r) => r.loadErrors),
    output: reports.flatMap((r) => r.output),
  };
}

/**
 * Verifies local pact files in shards: this process takes the first, one worker process each of
 * the others. Each worker builds its own provider from the definition's module (its own port, its
 * own database) and runs its own verifier; every shard only calls loopback http, so all get the
 * minimal certificate store.
 */
export async function verifySharded<App extends FastifyInstance>(
  options: VerifyProviderOptions<App> & { module: string; pactFiles: string[]; shards: number },
): Promise<VerificationReport> {
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'contract-kit-shards-'));
  try {
    const total = countInteractions(options.pactFiles);
    const headStart = Math.min(workerStartInteractions, Math.floor(total / (options.shards * 2)));
    const [own, ...others] = planShards(options.pactFiles, options.shards, workDir, headStart);
    const certEnv = minimalCertStoreEnv(['http://127.0.0.1']);
    const env = { ...process.env, ...certEnv, PACT_DO_NOT_TRACK: 'true' };
    // Workers start first; this process, already warm, verifies the first shard meanwhile.
    const workers = others.map((shard) =>
      startShard(
        {
          module: options.module,
          exportName: options.exportName ?? 'default',
          files: shard.files,
          ...(options.logLevel ? { logLevel: options.logLevel } : {}),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        },
        env,
      ),
    );
    let results: { report: VerificationReport; stdout: string }[];
    try {
      const ownReport = own
        ? await withEnv(certEnv, () => verifyInProcess({ ...options, source: { pactFiles: own.files } }))
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
    return mergeReports(
      options.provider,
      results.map((r) => r.report),
      performance.now() - started,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

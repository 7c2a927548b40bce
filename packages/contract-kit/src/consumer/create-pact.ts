import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PactV4 } from '@pact-foundation/pact';
import { kitRequire } from '#runtime';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { untilRequestsRecorded } from './mock-server-settled.ts';
import { failureFileName, preparePart } from './pact-parts.ts';

export type PactLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface ConsumerPactOptions {
  consumer: string;
  provider: string;
  /** The folder holding the merged pact files (committed), e.g. the repository's `pacts/`. */
  pactDir: string;
  /**
   * The calling test file (`__filename`, `import.meta.url` or a path): each test file writes its
   * own part. Under jest and vitest it may be left out: the runner names the file
   * (`expect.getState().testPath`).
   */
  testFile?: string;
  logLevel?: PactLogLevel;
}

type ExpectLike = { getState?: () => { testPath?: string } };

/** The running test file as jest and vitest report it (their jest-compatible `expect.getState()`). */
function runnerTestFile(): string | undefined {
  const globals = globalThis as { expect?: ExpectLike; [key: symbol]: unknown };
  // vitest keeps its expect there even without `globals: true`; jest makes `expect` a global.
  const candidates = [globals.expect, globals[Symbol.for('expect-global')] as ExpectLike | undefined];
  for (const candidate of candidates) {
    const testPath = candidate?.getState?.().testPath;
    if (typeof testPath === 'string' && testPath !== '') return testPath;
  }
  return undefined;
}

function testFileOf(options: ConsumerPactOptions): string {
  const given = options.testFile ?? runnerTestFile();
  if (!given) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `createConsumerPact for ${options.consumer} → ${options.provider} cannot tell which test file is running: pass testFile (__filename in CommonJS, import.meta.url in an ES module).`,
    );
  }
  return given.startsWith('file:') ? fileURLToPath(given) : given;
}

/**
 * Every builder pact-js returns, wrapped so that a failing `executeTest` is written into this test
 * file's part (and cleared when a retry of the same interaction passes): the merge then refuses to
 * replace the pact with one lacking that interaction, whatever runs the tests.
 */
function recordingFailures<T extends object>(target: T, partDir: string, description = ''): T {
  const proxy: T = new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        // HTTP interactions are named by uponReceiving, asynchronous messages by expectsToReceive.
        const naming = key === 'uponReceiving' || key === 'expectsToReceive';
        const named = naming && typeof args[0] === 'string' ? args[0] : description;
        const [testFn] = args;
        if (key === 'executeTest' && typeof testFn === 'function')
          args[0] = untilRequestsRecorded(testFn as (...a: unknown[]) => unknown);
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (key === 'executeTest' && result instanceof Promise) {
          const marker = join(partDir, failureFileName(named));
          return result.then(
            (value) => {
              rmSync(marker, { force: true });
              return value;
            },
            (err: unknown) => {
              writeFileSync(marker, `${JSON.stringify({ interaction: named, error: String(err) })}\n`);
              throw err;
            },
          );
        }
        if (result === object) return named === description ? proxy : recordingFailures(object, partDir, named);
        const builder = result && typeof result === 'object' && !(result instanceof Promise) && !Array.isArray(result);
        return builder ? recordingFailures(result as object, partDir, named) : result;
      };
    },
  });
  return proxy;
}

/**
 * A PactV4 for one consumer/provider pair, writing to this test file's own part of the pact.
 * After the run, `contract-kit merge`, the jest or vitest reporter, or `mergePactsAfterRun`
 * merges the parts into one pact file.
 */
export function createConsumerPact(options: ConsumerPactOptions): PactV4 {
  // No telemetry, and no network wait for it, wherever the kit is used.
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const dir = preparePart({
    pactDir: options.pactDir,
    consumer: options.consumer,
    provider: options.provider,
    testFile: testFileOf(options),
  });
  // pact-js (and its native library) is loaded here, on first use, not when the module is: the merge
  // step (a globalSetup or a reporter in the runner's main process) imports this module and needs neither.
  const { PactV4: Pact } = kitRequire('@pact-foundation/pact') as typeof import('@pact-foundation/pact');
  const pact = new Pact({
    consumer: options.consumer,
    provider: options.provider,
    dir,
    logLevel: options.logLevel ?? 'warn',
  });
  return recordingFailures(pact, dir);
}

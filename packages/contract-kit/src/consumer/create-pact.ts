import { fileURLToPath } from 'node:url';
import { PactV4 } from '@pact-foundation/pact';
import { preparePart } from './pact-parts.ts';

export type PactLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface ConsumerPactOptions {
  consumer: string;
  provider: string;
  /** The folder holding the merged pact files (committed), e.g. the repository's `pacts/`. */
  pactDir: string;
  /** `import.meta.url` (or path) of the calling test file: each test file writes its own part. */
  testFile: string;
  logLevel?: PactLogLevel;
}

/**
 * A PactV4 for one consumer/provider pair, writing to this test file's own part of the pact.
 * Pair it with `mergePactsAfterRun` as a vitest globalSetup so the parts become one pact file.
 */
export function createConsumerPact(options: ConsumerPactOptions): PactV4 {
  // No telemetry, and no network wait for it, wherever the kit is used.
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const testFile = options.testFile.startsWith('file:') ? fileURLToPath(options.testFile) : options.testFile;
  const dir = preparePart({
    pactDir: options.pactDir,
    consumer: options.consumer,
    provider: options.provider,
    testFile,
  });
  return new PactV4({
    consumer: options.consumer,
    provider: options.provider,
    dir,
    logLevel: options.logLevel ?? 'warn',
  });
}

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { standalone } = require('@pact-foundation/pact-cli/src/pact-standalone') as {
  standalone(): { pactFullPath: string };
};

/** The official Rust `pact` binary shipped inside @pact-foundation/pact-cli. */
export const PACT_BINARY = standalone().pactFullPath;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pact broker <args>` against a broker; no retries, no telemetry. */
export function pactBroker(brokerUrl: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      PACT_BINARY,
      ['broker', ...args],
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PACT_DO_NOT_TRACK: 'true',
          PACT_BROKER_BASE_URL: brokerUrl,
          PACT_BROKER_HTTP_RETRIES: '0',
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const created: string[] = [];

/** Removes every directory `pactDir` made. */
export function removePactDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes a pact file into a fresh directory and returns the directory. */
export function pactDir(consumer: string, provider: string, responseBody: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'broker-cli-'));
  created.push(dir);
  const pact = {
    consumer: { name: consumer },
    provider: { name: provider },
    interactions: [
      {
        description: 'a request for a thing',
        providerState: 'a thing exists',
        request: { method: 'GET', path: '/things/1' },
        response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: responseBody },
      },
    ],
    metadata: { pactSpecification: { version: '2.0.0' } },
  };
  writeFileSync(join(dir, `${consumer}-${provider}.json`), JSON.stringify(pact));
  return dir;
}

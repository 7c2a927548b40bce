import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { BrokerConfig } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

const require = createRequire(import.meta.url);
const pactBrokerBin = require.resolve('@pact-foundation/pact-cli/bin/pact-broker.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the official `pact-broker` CLI (the Rust client shipped in @pact-foundation/pact-cli) against
 * `broker`. Credentials go through the environment, not argv, so they never show in process lists.
 * Retries are bounded (`--retries`): the CLI's default keeps an unreachable broker busy for a minute.
 */
export function runPactBroker(
  command: string,
  args: string[],
  broker: BrokerConfig,
  options: { retries?: number } = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, PACT_BROKER_BASE_URL: broker.url, PACT_DO_NOT_TRACK: 'true' };
  delete env.PACT_BROKER_TOKEN;
  delete env.PACT_BROKER_USERNAME;
  delete env.PACT_BROKER_PASSWORD;
  if (broker.auth && 'token' in broker.auth) env.PACT_BROKER_TOKEN = broker.auth.token;
  if (broker.auth && 'username' in broker.auth) {
    env.PACT_BROKER_USERNAME = broker.auth.username;
    env.PACT_BROKER_PASSWORD = broker.auth.password;
  }
  const fullArgs = [pactBrokerBin, command, ...args, '--retries', String(options.retries ?? 3)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, fullArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', (err) =>
      reject(
        new ContractKitError(ContractKitErrorCodes.brokerCommandFailed, `Could not run pact-broker: ${err.message}`, {
          cause: err,
        }),
      ),
    );
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}

/** Like runPactBroker, but a non-zero exit becomes a coded error carrying the CLI's own words. */
export async function runPactBrokerOrThrow(
  command: string,
  args: string[],
  broker: BrokerConfig,
  what: string,
): Promise<CliResult> {
  const result = await runPactBroker(command, args, broker);
  if (result.exitCode !== 0) {
    const said = `${result.stdout}\n${result.stderr}`.trim();
    throw new ContractKitError(
      ContractKitErrorCodes.brokerCommandFailed,
      `${what} failed (pact-broker ${command} exited with ${result.exitCode}):\n${said}`,
    );
  }
  return result;
}

import { spawn } from 'node:child_process';
import { kitRequire } from '#runtime';
import type { BrokerConnection } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { brokerTimeoutOf, brokerUnreachable } from './http.ts';

/** What one run of the official `pact-broker` client printed, and how it exited. */
export interface PactBrokerRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

let pactBinary: string | undefined;

/**
 * The Rust `pact` binary itself, as @pact-foundation/pact-cli resolves it for this platform. Run directly rather
 * than through the package's `pact-broker.js` wrapper, which is a second Node process starting only to spawn it
 * (about 150 ms per command).
 */
function resolvePactBinary(): string {
  const { standalone } = kitRequire('@pact-foundation/pact-cli/src/pact-standalone') as {
    standalone(): { pactFullPath: string };
  };
  return standalone().pactFullPath;
}

/**
 * Runs the official `pact-broker` CLI (the Rust client shipped in @pact-foundation/pact-cli) against
 * `broker`. Credentials go through the environment, not argv, so they never show in process lists.
 * Retries are bounded (`--retries`): the CLI's default keeps an unreachable broker busy for a minute.
 * A deadline (the broker's timeout, plus any waiting the command was asked for) bounds the whole
 * run: past it the CLI and its child are killed and the step fails with CK_BROKER_UNREACHABLE.
 */
export function runPactBroker(
  command: string,
  args: string[],
  broker: BrokerConnection,
  options: { retries?: number; step?: string; extraMs?: number } = {},
): Promise<PactBrokerRun> {
  pactBinary ??= resolvePactBinary();
  const env: NodeJS.ProcessEnv = { ...process.env, PACT_BROKER_BASE_URL: broker.url, PACT_DO_NOT_TRACK: 'true' };
  delete env.PACT_BROKER_TOKEN;
  delete env.PACT_BROKER_USERNAME;
  delete env.PACT_BROKER_PASSWORD;
  if (broker.auth && 'token' in broker.auth) env.PACT_BROKER_TOKEN = broker.auth.token;
  if (broker.auth && 'username' in broker.auth) {
    env.PACT_BROKER_USERNAME = broker.auth.username;
    env.PACT_BROKER_PASSWORD = broker.auth.password;
  }
  const fullArgs = ['broker', command, ...args, '--retries', String(options.retries ?? 3)];
  const deadlineMs = brokerTimeoutOf(broker) + (options.extraMs ?? 0);
  const step = options.step ?? `running pact-broker ${command}`;
  return new Promise((resolve, reject) => {
    // Its own process group, so that a deadline kills whatever the client started too.
    const child = spawn(pactBinary as string, fullArgs, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, deadlineMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(
        new ContractKitError(ContractKitErrorCodes.brokerCommandFailed, `Could not run pact-broker: ${err.message}`, {
          cause: err,
        }),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        return reject(brokerUnreachable(broker, step, `pact-broker ${command} did not finish within ${deadlineMs} ms`));
      }
      resolve({ exitCode: code ?? 1, stdout, stderr });
    });
  });
}

/** Like runPactBroker, but a non-zero exit becomes a coded error carrying the CLI's own words. */
export async function runPactBrokerOrThrow(
  command: string,
  args: string[],
  broker: BrokerConnection,
  what: string,
): Promise<PactBrokerRun> {
  const result = await runPactBroker(command, args, broker, { step: what.charAt(0).toLowerCase() + what.slice(1) });
  if (result.exitCode !== 0) {
    const said = `${result.stdout}\n${result.stderr}`.trim();
    throw new ContractKitError(
      ContractKitErrorCodes.brokerCommandFailed,
      `${what} failed (pact-broker ${command} exited with ${result.exitCode}):\n${said}`,
    );
  }
  return result;
}

/**
 * The contract loop done the stock way, for `npm run bench` to compare `npm run contracts` with: the
 * same embedded broker, OrderService's same 9 consumer interactions with plain pact-js
 * (PACT_MODE=stock, scripts/bench/stock/vitest.config.ts), the official `pact broker` CLI for
 * create-environment, publish, can-i-deploy and record-deployment, and pact-js's `Verifier`
 * fetching the pacts from the broker and publishing its results, against the real UserService with
 * state handlers written for pact-js, and its events through pact-js `messageProviders` that call the same
 * producer code UserService's provider definition uses (the change, then the event it wrote to the outbox). No lint step (plain pact-js has none). Prints one JSON line on
 * stderr: `{ ok, totalMs, steps: [{ name, ms, status }] }`.
 *   tsx --conditions=@contract-kit/source scripts/bench/stock-loop.ts
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@contract-kit/broker';
import { buildApp, issueToken, resetDatabase, seedUser, seedUsers } from '@contract-kit/user-service';
import userServiceProvider from '@contract-kit/user-service/provider';
import { type MessageDescriptor, type MessageProviders, providerWithMetadata, Verifier } from '@pact-foundation/pact';
import { placeholderToken } from 'contract-kit';

const started = performance.now();
const steps: { name: string; ms: number; status: string }[] = [];

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const at = performance.now();
  try {
    const result = await work();
    steps.push({ name, ms: performance.now() - at, status: 'ok' });
    return result;
  } catch (err) {
    steps.push({ name, ms: performance.now() - at, status: 'failed' });
    throw err;
  }
}

const require = createRequire(import.meta.url);
const { standalone } = require('@pact-foundation/pact-cli/src/pact-standalone') as {
  standalone(): { pactFullPath: string };
};
const pactBinary = standalone().pactFullPath;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`));
      else resolve();
    });
  });
}

/** The consumer tests, as `npx vitest run` would start them. */
function consumerTests(pactDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--config', 'scripts/bench/stock/vitest.config.ts'],
      { env: { ...process.env, PACT_MODE: 'stock', PACT_DIR: pactDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`consumer tests failed:\n${output}`))));
  });
}

/** UserService's provider states, written as a pact-js user would: each interaction's first state empties the database. */
function stateHandlers(app: Awaited<ReturnType<typeof buildApp>>, token: string) {
  const fresh = async () => {
    await resetDatabase(app.db);
    await issueToken(app.db, { token, scopes: ['users:read'] });
  };
  return {
    'a user exists': async (params: unknown) => {
      const { id, status } = params as { id?: number; status?: 'active' | 'suspended' };
      await fresh();
      const user = await seedUser(app.db, { ...(id === undefined ? {} : { id }), status: status ?? 'active' });
      return { id: user.id, email: user.email };
    },
    'users exist': async (params: unknown) => {
      await fresh();
      await seedUsers(
        app.db,
        (params as { ids: number[] }).ids.map((id) => ({ id })),
      );
      return undefined;
    },
    'no user exists': async () => {
      await fresh();
      return undefined;
    },
    'a token exists': async (params: unknown) => {
      const { token: named, scopes } = params as { token: string; scopes: ('users:read' | 'users:write')[] };
      await issueToken(app.db, { token: named, scopes });
      return undefined;
    },
  };
}

/**
 * UserService's events as a pact-js user would wire them: one message provider per description, each running
 * the real producer with the user id its provider state seeded.
 */
function messageProviders(app: Awaited<ReturnType<typeof buildApp>>): MessageProviders {
  const producers = userServiceProvider.messages?.(app) ?? {};
  return Object.fromEntries(
    Object.entries(producers).map(([description, produce]) => [
      description,
      async (descriptor: MessageDescriptor) => {
        const states = (descriptor.providerStates ?? []).map((state) => ({
          name: state.name,
          params: state.params ?? {},
        }));
        const message = await produce({ description, states, values: { ...states[0]?.params } });
        const metadata = Object.fromEntries(
          Object.entries(message.metadata ?? {}).map(([key, value]) => [key, String(value)]),
        );
        return providerWithMetadata(() => message.contents, metadata)(descriptor);
      },
    ]),
  );
}

async function main(): Promise<void> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const pactDir = mkdtempSync(join(tmpdir(), 'bench-stock-loop-'));
  const version = { consumer: `stock-${process.pid}`, provider: `stock-${process.pid}`, branch: 'main' };
  const broker = await step('start the broker', () => startBroker());
  const cli = (...args: string[]) =>
    run(pactBinary, ['broker', ...args], { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_HTTP_RETRIES: '0' });
  try {
    await step('OrderService consumer pact tests', () => consumerTests(pactDir));
    await step('publish pacts', () =>
      cli('publish', pactDir, '--consumer-app-version', version.consumer, '--branch', version.branch),
    );
    await step('verify UserService with pacts from the broker', async () => {
      const app = await buildApp({ database: { url: ':memory:' } });
      const token = 'stock-loop-token-with-users-read';
      try {
        await new Verifier({
          provider: 'UserService',
          providerBaseUrl: await app.listen({ host: '127.0.0.1', port: 0 }),
          pactBrokerUrl: broker.url,
          consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
          providerVersionBranch: version.branch,
          providerVersion: version.provider,
          publishVerificationResult: true,
          logLevel: 'error',
          stateHandlers: stateHandlers(app, token),
          messageProviders: messageProviders(app),
          requestFilter: (req: IncomingMessage, _res: unknown, next: () => void) => {
            if (req.headers.authorization === `Bearer ${placeholderToken}`)
              req.headers.authorization = `Bearer ${token}`;
            next();
          },
        }).verifyProvider();
      } finally {
        await app.close();
      }
    });
    await step('make sure the production environment exists', () =>
      cli('create-environment', '--name', 'production', '--production'),
    );
    for (const [pacticipant, number] of [
      ['UserService', version.provider],
      ['OrderService', version.consumer],
    ] as const) {
      await step(`can-i-deploy ${pacticipant} to production`, () =>
        cli('can-i-deploy', '--pacticipant', pacticipant, '--version', number, '--to-environment', 'production'),
      );
      await step(`record deployment of ${pacticipant} to production`, () =>
        cli('record-deployment', '--pacticipant', pacticipant, '--version', number, '--environment', 'production'),
      );
    }
  } finally {
    await broker.close();
    rmSync(pactDir, { recursive: true, force: true });
  }
}

main().then(
  () => console.error(JSON.stringify({ ok: true, totalMs: performance.now() - started, steps })),
  (err: unknown) => {
    console.error(`The stock loop failed: ${(err as Error).message}`);
    console.error(JSON.stringify({ ok: false, totalMs: performance.now() - started, steps }));
    process.exitCode = 1;
  },
);

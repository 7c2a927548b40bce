/**
 * One verification measurement, in its own process so runs do not share warm state: the stock
 * pact-js `Verifier` with plain options as its docs show them, or contract-kit's `verifyProvider`,
 * both against the real UserService with the same synthetic pact. Prints one JSON line on stderr
 * (the verifiers print their own reports on stdout, which the suite discards).
 *   tsx scripts/bench/verify-once.ts stock|ours <interactions>
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, issueToken, resetDatabase, seedUser } from '@contract-kit/user-service';
import { syntheticPact, userService } from '@contract-kit/user-service/contract';
import { Verifier } from '@pact-foundation/pact';
import { placeholderToken } from 'contract-kit';
import { verifyProvider } from 'contract-kit/provider';

async function stock(pactFile: string): Promise<{ ms: number; passed: boolean; shards: number }> {
  const app = await buildApp({ database: { url: ':memory:' } });
  const token = 'bench-token-with-users-read';
  const providerBaseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const started = performance.now();
    let passed = true;
    await new Verifier({
      provider: 'UserService',
      providerBaseUrl,
      pactUrls: [pactFile],
      logLevel: 'error',
      stateHandlers: {
        'a user exists': async (params: unknown) => {
          const { id, status } = params as { id: number; status: 'active' | 'suspended' };
          await resetDatabase(app.db);
          await issueToken(app.db, { token, scopes: ['users:read'] });
          await seedUser(app.db, { id, status });
          return undefined;
        },
      },
      requestFilter: (req: IncomingMessage, _res: unknown, next: () => void) => {
        if (req.headers.authorization === `Bearer ${placeholderToken}`) req.headers.authorization = `Bearer ${token}`;
        next();
      },
    })
      .verifyProvider()
      .catch(() => {
        passed = false;
      });
    return { ms: performance.now() - started, passed, shards: 1 };
  } finally {
    await app.close();
  }
}

async function ours(pactFile: string): Promise<{ ms: number; passed: boolean; shards: number }> {
  const started = performance.now();
  const report = await verifyProvider({ ...userService, source: { pactFiles: [pactFile] } });
  return { ms: performance.now() - started, passed: report.passed, shards: report.shards };
}

async function main(): Promise<void> {
  const [which, count] = process.argv.slice(2);
  const interactions = Number(count);
  if ((which !== 'stock' && which !== 'ours') || !Number.isInteger(interactions)) {
    throw new Error('usage: verify-once.ts stock|ours <interactions>');
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-verify-'));
  try {
    const pactFile = join(dir, 'OrderService-UserService.json');
    writeFileSync(pactFile, JSON.stringify(syntheticPact(interactions)));
    const result = await (which === 'stock' ? stock(pactFile) : ours(pactFile));
    process.stderr.write(`${JSON.stringify({ which, interactions, ...result })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${JSON.stringify({ error: (err as Error).message })}\n`);
  process.exitCode = 1;
});

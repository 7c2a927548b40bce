/**
 * Latency of UserService's hottest route, GET /users/:id with a bearer token, on a SQLite file:
 *   npx tsx scripts/bench/user-latency.ts
 * Loopback only, a free port, 10 connections for 10 seconds; exits non-zero when any request failed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, issueToken, seedUsers } from '@contract-kit/user-service';
import autocannon from 'autocannon';

const userCount = 100;
const durationSeconds = 10;
const connections = 10;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'user-latency-'));
  const app = await buildApp({ database: { url: join(dir, 'users.sqlite') }, logger: false });
  try {
    await seedUsers(app.db, userCount);
    const token = await issueToken(app.db, { scopes: ['users:read'], name: 'bench' });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });

    let next = 0;
    const result = await autocannon({
      url,
      connections,
      duration: durationSeconds,
      headers: { authorization: `Bearer ${token}` },
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            next = (next % userCount) + 1;
            return { ...request, path: `/users/${next}` };
          },
        },
      ],
    });

    const failed = result.errors + result.timeouts + result.non2xx;
    console.log(`GET /users/:id on SQLite, ${connections} connections, ${result.duration} s`);
    console.log(`requests/s  ${result.requests.average.toFixed(0)} (total ${result.requests.total})`);
    console.log(`latency ms  p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}`);
    if (failed > 0) {
      console.error(
        `${failed} requests failed (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}).`,
      );
      console.error(
        'Run the user-service tests (npx vitest run --project @contract-kit/user-service) to find out why.',
      );
      process.exitCode = 1;
    }
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main().catch((err: unknown) => {
  console.error(`user-latency benchmark failed: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
});

import { randomUUID } from 'node:crypto';
import { dropSchema, openDatabase } from '@contract-kit/service-common';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBroker } from '../../src/app.ts';
import type { AttemptEvent } from '../../src/webhooks/runner.ts';
import { BASE, publish, publishBody, shaOf } from '../helpers/broker.ts';
import { createWebhook, type Receiver, startReceiver } from '../helpers/webhooks.ts';

/**
 * Given BROKER_TEST_DATABASE_URL (as .ci/run does), PostgreSQL must be there and this test fails without it;
 * otherwise it uses this machine's 127.0.0.1:5432/test when one answers, and is skipped, saying why, when not.
 */
const explicit = process.env.BROKER_TEST_DATABASE_URL;
const url = explicit ?? 'postgres://postgres@127.0.0.1:5432/test';
async function reachable(): Promise<string | undefined> {
  if (explicit) return undefined;
  try {
    await (await openDatabase({ url })).close();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
const unreachable = await reachable();
const title = unreachable
  ? `two brokers on one PostgreSQL — skipped: ${unreachable} (set BROKER_TEST_DATABASE_URL or use scripts/with-postgres.sh)`
  : 'two brokers on one PostgreSQL';

const PUBLISHES = 24;
const RESULTS = 24;

describe.skipIf(unreachable !== undefined)(title, () => {
  const schema = `broker_pair_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    const config = { dataDir: ':memory:', databaseUrl: url, databaseSchema: schema, baseUrl: BASE };
    // Both start (and migrate) at once, as two containers of one deployment would.
    [a, b] = await Promise.all([buildBroker(config), buildBroker(config)]);
    await Promise.all([a.ready(), b.ready()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await receiver?.close();
    await dropSchema(url, schema);
  });

  it('loses no publication or result and runs each webhook once under concurrent writes to both', async () => {
    await publish(a, { consumer: 'Foo', version: 'base', provider: 'Bar' });
    await createWebhook(a, {
      description: 'count publications',
      events: [{ name: 'contract_published' }],
      request: {
        method: 'POST',
        url: `${receiver.url}/hook`,
        body: { version: '$' + '{pactbroker.consumerVersionNumber}' },
      },
    });
    const attempts: AttemptEvent[] = [];
    for (const app of [a, b]) app.broker.webhooks.runner.events.on('attempt', (e: AttemptEvent) => attempts.push(e));
    const sha = await shaOf(a, 'Bar', 'Foo', 'base');

    const writes = [
      ...Array.from({ length: PUBLISHES }, (_, i) =>
        (i % 2 ? a : b).inject({
          method: 'POST',
          url: '/contracts/publish',
          payload: publishBody({
            consumer: 'Foo',
            version: `v${i}`,
            provider: 'Bar',
            branch: `b${i % 3}`,
            tags: ['t'],
            interactions: [`i${i % 4}`],
          }),
        }),
      ),
      ...Array.from({ length: RESULTS }, (_, i) =>
        (i % 2 ? b : a).inject({
          method: 'POST',
          url: `/pacts/provider/Bar/consumer/Foo/pact-version/${sha}/verification-results`,
          payload: { success: i % 3 !== 0, providerApplicationVersion: `p${i}` },
        }),
      ),
    ];
    const answers = await Promise.all(writes);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([
      ...Array(PUBLISHES).fill(200),
      ...Array(RESULTS).fill(201),
    ]);

    // One delivery per publication (base included, which came before the webhook: none for it).
    const requests = await receiver.waitFor(PUBLISHES);
    const db = a.broker.repos.db;
    const settled = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from triggered_webhooks where status = 'success'`.execute(db))
          .rows[0]?.n,
      );
    while ((await settled()) < PUBLISHES) {
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        a.broker.webhooks.runner.events.once('attempt', done);
        b.broker.webhooks.runner.events.once('attempt', done);
      });
    }
    const versions = requests.map((r) => JSON.parse(r.body).version).sort();
    expect(versions).toEqual(Array.from({ length: PUBLISHES }, (_, i) => `v${i}`).sort());
    expect(attempts.filter((e) => e.success)).toHaveLength(PUBLISHES);
    const executions = await sql<{ n: string }>`select count(*) as n from webhook_executions`.execute(db);
    expect(Number(executions.rows[0]?.n)).toBe(PUBLISHES);

    const publications = await sql<{ n: string }>`select count(*) as n from pact_publications`.execute(db);
    expect(Number(publications.rows[0]?.n)).toBe(PUBLISHES + 1);
    const numbers = await sql<{ number: number }>`select number from verifications order by number`.execute(db);
    expect(numbers.rows.map((r) => Number(r.number))).toEqual(Array.from({ length: RESULTS }, (_, i) => i + 1));
    const tags = await sql<{ n: string }>`select count(*) as n from tags`.execute(db);
    expect(Number(tags.rows[0]?.n)).toBe(PUBLISHES);
  });
});

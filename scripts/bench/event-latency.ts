// End-to-end latency of a user event: from UserService's committed change to OrderService's handler having
// applied it (outbox → relay → transport → consumer → inbox), one event at a time, through RabbitMQ (AMQP_URL,
// default amqp://guest:guest@127.0.0.1:5672) and, for comparison, the in-process transport.
//   npm run bench:events [-- --events 300]
import { randomBytes } from 'node:crypto';
import { createAmqpTransport, createInProcessTransport, type EventTransport } from '@contract-kit/events';
import { buildApp as buildOrderService } from '@contract-kit/order-service';
import { consumeUserEvents } from '@contract-kit/order-service/events';
import { buildApp as buildUserService, seedUser } from '@contract-kit/user-service';

const countArg = process.argv.indexOf('--events');
const events = countArg > 0 ? Number(process.argv[countArg + 1]) : 300;
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(name: string, producer: EventTransport, consumer: EventTransport, queue: string) {
  const userService = await buildUserService({ database: { url: ':memory:' }, events: { transport: producer } });
  const orderService = await buildOrderService({
    databasePath: ':memory:',
    userService: { baseUrl: 'http://127.0.0.1:9', token: 'unused' },
  });
  // One event in flight at a time: the next event handled is the one just committed.
  let next: (() => void) | undefined;
  await consumeUserEvents(consumer, orderService.userEvents, {
    queue,
    log: { handled: () => next?.(), dropped: (err) => console.error(err) },
  });
  const user = await seedUser(userService.db, {});
  const samples: number[] = [];
  for (let i = 0; i < events + 20; i += 1) {
    const handled = new Promise<void>((resolve) => {
      next = resolve;
    });
    const started = performance.now();
    await userService.users.update(user.id, { status: i % 2 === 0 ? 'suspended' : 'active' });
    await handled;
    // The first 20 warm up connections and the JIT.
    if (i >= 20) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  await userService.close();
  await orderService.close();
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1) as number };
}

const run = randomBytes(4).toString('hex');
const inProcess = createInProcessTransport();
const results = [await measure('in-process', inProcess, inProcess, 'bench')];
const exchange = `contract-kit.bench.${run}`;
const queue = `order-service.user-events.bench.${run}`;
const producer = await createAmqpTransport({ url: amqpUrl, exchange });
const consumer = await createAmqpTransport({ url: amqpUrl, exchange });
results.push(await measure('RabbitMQ', producer, consumer, queue));
await consumer.deleteQueue(queue);
await consumer.deleteExchange();
await producer.close();
await consumer.close();

console.log(`${events} events, one at a time, commit → OrderService applied:`);
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(11)} p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  max ${r.max.toFixed(2)} ms`,
  );
}
const [local, amqp] = results;
if (local && amqp)
  console.log(
    `  RabbitMQ / in-process: p50 ×${(amqp.p50 / local.p50).toFixed(1)}, p95 ×${(amqp.p95 / local.p95).toFixed(1)}`,
  );

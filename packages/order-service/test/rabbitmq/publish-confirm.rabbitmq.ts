import { randomBytes } from 'node:crypto';
import { type AmqpTransport, createAmqpTransport, EventsErrorCodes } from '@contract-kit/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from './tcp-proxy.ts';

// A RabbitMQ that takes a message and never confirms it (its answers held back by a stalled proxy): the publish
// must fail within its deadline with EVENTS_PUBLISH_NOT_CONFIRMED, so that the outbox keeps the event and tries
// again, instead of waiting for ever or counting it as sent.
const amqpUrl = new URL(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
const exchange = `contract-kit.test.confirm.${randomBytes(4).toString('hex')}`;
const confirmTimeoutMs = 300;

let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let transport: AmqpTransport;

beforeAll(async () => {
  proxy = await startTcpProxy({ host: amqpUrl.hostname, port: Number(amqpUrl.port || 5672) });
  const url = `amqp://${amqpUrl.username}:${amqpUrl.password}@127.0.0.1:${new URL(proxy.url).port}${amqpUrl.pathname}`;
  try {
    transport = await createAmqpTransport({ url, exchange, confirmTimeoutMs });
  } catch (err) {
    throw new Error(`The RabbitMQ suite needs RabbitMQ at ${amqpUrl.host} (AMQP_URL): ${(err as Error).message}`);
  }
});

afterAll(async () => {
  proxy?.resume();
  await transport?.deleteExchange().catch(() => {});
  await transport?.close();
  await proxy?.close();
});

const message = (messageId: string) => ({
  routingKey: 'user.suspended',
  messageId,
  body: { type: 'user.suspended', userId: 1 },
});

describe('publishing to a RabbitMQ that does not confirm', () => {
  it('fails with EVENTS_PUBLISH_NOT_CONFIRMED, naming the message and the deadline', async () => {
    await transport.publish(message('confirmed-before'));
    proxy.stall();
    await expect(transport.publish(message('never-confirmed'))).rejects.toMatchObject({
      code: EventsErrorCodes.publishNotConfirmed,
      message: expect.stringMatching(
        new RegExp(
          `^RabbitMQ at amqp://guest:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/? did not confirm message never-confirmed within ${confirmTimeoutMs} ms$`,
        ),
      ),
    });
  });

  it('publishes again once RabbitMQ answers, the late confirm of the earlier message doing no harm', async () => {
    proxy.resume();
    await expect(transport.publish(message('confirmed-after'))).resolves.toBeUndefined();
  });
});

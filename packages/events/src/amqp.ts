import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type RecoveringChannelModel } from 'amqplib';
import { EventsError, EventsErrorCodes } from './errors.ts';
import type { EventTransport, OutgoingMessage, Subscription } from './transport.ts';

export interface AmqpOptions {
  /** `amqp://user:password@host:port/vhost`. */
  url: string;
  /** The topic exchange events go through (durable, created when missing); default `contract-kit.events`. */
  exchange?: string;
  /** How long a publish waits for the broker's confirm, ms (default 5,000). */
  confirmTimeoutMs?: number;
  /** How long the first connection may take, ms (default 5,000). */
  connectTimeoutMs?: number;
  /** Connection lost, reconnected, a message that is not JSON: for the service's log. */
  onEvent?: (event: { kind: 'disconnected' | 'reconnected' | 'unreadable-message'; detail: string }) => void;
}

export interface AmqpTransport extends EventTransport {
  readonly kind: 'amqp';
  /** Deletes a queue (tests clean up their own). */
  deleteQueue(queue: string): Promise<void>;
  /** Deletes this transport's exchange (tests clean up their own: it is durable, so it outlives them). */
  deleteExchange(): Promise<void>;
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable AMQP URL)';
  }
}

/**
 * RabbitMQ over AMQP 0-9-1: a durable topic exchange, a durable queue per consumer, persistent messages, publisher
 * confirms, manual acknowledgement after the handler resolved, one unacknowledged message per consumer (so a queue's
 * order holds). When the connection drops, amqplib reconnects with backoff and this transport declares its exchange,
 * queues and consumers again; publishing in between fails with EVENTS_TRANSPORT_UNAVAILABLE (an outbox keeps the
 * event and tries again).
 */
export async function createAmqpTransport(options: AmqpOptions): Promise<AmqpTransport> {
  const exchange = options.exchange ?? 'contract-kit.events';
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 5_000;
  const where = redact(options.url);
  if (!/^amqps?:\/\//.test(options.url)) {
    throw new EventsError(EventsErrorCodes.badUrl, `AMQP_URL must start with amqp:// or amqps://, got "${where}"`);
  }
  const subscriptions: Subscription[] = [];
  let publisher: ConfirmChannel | undefined;
  let current: ChannelModel | undefined;
  let closed = false;
  let everConnected = false;

  async function consume(model: ChannelModel, subscription: Subscription): Promise<Channel> {
    const channel = await model.createChannel();
    channel.on('error', () => {});
    await channel.prefetch(1);
    await channel.assertQueue(subscription.queue, { durable: true });
    for (const key of subscription.bindings) await channel.bindQueue(subscription.queue, exchange, key);
    await channel.consume(subscription.queue, (delivered) => {
      if (!delivered) return;
      let body: unknown;
      try {
        body = JSON.parse(delivered.content.toString('utf8'));
      } catch {
        options.onEvent?.({
          kind: 'unreadable-message',
          detail: `queue ${subscription.queue}: message ${String(delivered.properties.messageId)} is not JSON; dropped`,
        });
        channel.ack(delivered);
        return;
      }
      subscription
        .handler({
          routingKey: delivered.fields.routingKey,
          messageId: String(delivered.properties.messageId ?? ''),
          contentType: String(delivered.properties.contentType ?? ''),
          body,
          redelivered: delivered.fields.redelivered,
        })
        .then(
          () => channel.ack(delivered),
          () => channel.nack(delivered, false, true),
        )
        // The channel closed under the handler: the broker redelivers the unacknowledged message.
        .catch(() => {});
    });
    return channel;
  }

  async function setup(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    channel.on('error', () => {});
    await channel.assertExchange(exchange, 'topic', { durable: true });
    for (const subscription of subscriptions) await consume(model, subscription);
    current = model;
    publisher = channel;
    if (everConnected) options.onEvent?.({ kind: 'reconnected', detail: where });
    everConnected = true;
  }

  let connection: RecoveringChannelModel;
  try {
    connection = await amqp.connect(options.url, {
      timeout: options.connectTimeoutMs ?? 5_000,
      recovery: {
        initialMaxRetries: 0,
        maxRetries: Number.POSITIVE_INFINITY,
        initialDelay: 50,
        maxDelay: 1_000,
        setup,
      },
    });
  } catch (err) {
    throw new EventsError(
      EventsErrorCodes.transportUnavailable,
      `Cannot connect to RabbitMQ at ${where}: ${(err as Error).message}. Check AMQP_URL and that RabbitMQ is running.`,
      err,
    );
  }
  connection.on('error', () => {});
  connection.on('disconnect', (err: Error) => {
    publisher = undefined;
    current = undefined;
    if (!closed) options.onEvent?.({ kind: 'disconnected', detail: `${where}: ${err.message}` });
  });

  const unavailable = (why: string, cause?: unknown) =>
    new EventsError(EventsErrorCodes.transportUnavailable, `RabbitMQ at ${where} cannot take messages: ${why}`, cause);

  return {
    kind: 'amqp',
    async publish(message: OutgoingMessage) {
      if (closed) throw new EventsError(EventsErrorCodes.transportClosed, `The AMQP transport to ${where} is closed`);
      const channel = publisher;
      if (!channel) throw unavailable('not connected (reconnecting)');
      const content = Buffer.from(JSON.stringify(message.body));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new EventsError(
                EventsErrorCodes.publishNotConfirmed,
                `RabbitMQ at ${where} did not confirm message ${message.messageId} within ${confirmTimeoutMs} ms`,
              ),
            ),
          confirmTimeoutMs,
        );
        try {
          channel.publish(
            exchange,
            message.routingKey,
            content,
            { persistent: true, messageId: message.messageId, contentType: 'application/json' },
            (err: unknown) => {
              clearTimeout(timer);
              if (err) reject(unavailable(`message ${message.messageId} was refused`, err));
              else resolve();
            },
          );
        } catch (err) {
          clearTimeout(timer);
          reject(unavailable((err as Error).message, err));
        }
      });
    },
    async subscribe(subscription: Subscription) {
      subscriptions.push(subscription);
      const model = current;
      if (model) await consume(model, subscription);
    },
    async deleteQueue(queue: string) {
      const model = current;
      if (!model) throw unavailable('not connected');
      const channel = await model.createChannel();
      await channel.deleteQueue(queue);
      await channel.close();
    },
    async deleteExchange() {
      const model = current;
      if (!model) throw unavailable('not connected');
      const channel = await model.createChannel();
      await channel.deleteExchange(exchange);
      await channel.close();
    },
    async close() {
      closed = true;
      await connection.close().catch(() => {});
    },
  };
}

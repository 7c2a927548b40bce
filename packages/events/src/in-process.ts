import { EventsError, EventsErrorCodes } from './errors.ts';
import {
  bindingMatches,
  type DeliveredMessage,
  type EventTransport,
  type OutgoingMessage,
  type Subscription,
} from './transport.ts';

export interface InProcessTransport extends EventTransport {
  readonly kind: 'in-process';
  /** Resolves once every queue is empty and no handler runs: what a test awaits instead of sleeping. */
  whenIdle(): Promise<void>;
}

export interface InProcessOptions {
  /** Deliveries of one message before it is dropped (reported to `onDropped`); default 5. */
  maxAttempts?: number;
  onDropped?: (message: DeliveredMessage, err: unknown) => void;
}

interface Queue {
  subscription: Subscription;
  pending: { message: DeliveredMessage; attempts: number }[];
  running: boolean;
}

/**
 * The embedded default: a topic exchange in this process, with a queue per subscription, one delivery at a time
 * per queue (so per-queue order holds), at-least-once (a handler that rejects gets the message again). Nothing
 * survives the process: for services in separate processes, use RabbitMQ (`AMQP_URL`).
 */
export function createInProcessTransport(options: InProcessOptions = {}): InProcessTransport {
  const maxAttempts = options.maxAttempts ?? 5;
  const queues = new Map<string, Queue>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const busy = () => [...queues.values()].some((q) => q.running || q.pending.length > 0);
  const settle = () => {
    if (busy()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  async function pump(queue: Queue): Promise<void> {
    if (queue.running) return;
    queue.running = true;
    try {
      while (!closed && queue.pending.length > 0) {
        const item = queue.pending[0] as Queue['pending'][number];
        item.attempts += 1;
        try {
          await queue.subscription.handler({ ...item.message, redelivered: item.attempts > 1 });
          queue.pending.shift();
        } catch (err) {
          if (item.attempts >= maxAttempts) {
            queue.pending.shift();
            options.onDropped?.(item.message, err);
          }
          // Let the rest of the process run before the next attempt.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      queue.running = false;
      settle();
    }
  }

  return {
    kind: 'in-process',
    async publish(message: OutgoingMessage) {
      if (closed) throw new EventsError(EventsErrorCodes.transportClosed, 'The in-process event transport is closed');
      // Through JSON, as on a wire: a consumer never shares an object with the producer.
      const body = JSON.parse(JSON.stringify(message.body)) as unknown;
      for (const queue of queues.values()) {
        if (!queue.subscription.bindings.some((binding) => bindingMatches(binding, message.routingKey))) continue;
        queue.pending.push({
          message: {
            routingKey: message.routingKey,
            messageId: message.messageId,
            contentType: 'application/json',
            body,
            redelivered: false,
          },
          attempts: 0,
        });
        setImmediate(() => void pump(queue));
      }
    },
    async subscribe(subscription: Subscription) {
      if (queues.has(subscription.queue)) {
        throw new EventsError(
          EventsErrorCodes.transportUnavailable,
          `The in-process queue "${subscription.queue}" already has a consumer; give each consumer its own queue`,
        );
      }
      queues.set(subscription.queue, { subscription, pending: [], running: false });
    },
    whenIdle() {
      if (!busy()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      queues.clear();
      settle();
    },
  };
}

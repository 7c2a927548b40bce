import type { EventTransport } from '@contract-kit/events';
import type { UserDb } from '../db/schema.ts';
import { markPublished, outboxMessage, unpublished } from './outbox.ts';

export interface RelayOptions {
  db: UserDb;
  transport: EventTransport;
  /** How often the outbox is read when nothing announced a new event (and after a failed publish), ms; default 1,000. */
  pollIntervalMs?: number;
  /** Events read per batch; default 100. */
  batchSize?: number;
  /** A publish failed: the event stays in the outbox and is tried again on the next round. */
  onError?: (err: unknown) => void;
}

export interface OutboxRelay {
  /** A transaction wrote events: publish them now instead of at the next poll. */
  notify(): void;
  /** Publishes everything unpublished, in order, until done or a publish fails; resolves with how many it published. */
  dispatch(): Promise<number>;
  /** Resolves once the outbox is empty, or rejects with the last publish error if a round ends with events left. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Publishes the outbox in `id` order (so each user's events leave in sequence order), one event at a time, each
 * stamped published only after the transport confirmed it. A crash between the two publishes it again on the next
 * start (at-least-once; consumers deduplicate on the event id). One relay per database: two would race.
 */
export function createOutboxRelay(options: RelayOptions): OutboxRelay {
  const { db, transport } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  let running: Promise<number> | undefined;
  let again = false;
  let closed = false;
  let lastError: unknown;

  async function round(): Promise<number> {
    let published = 0;
    for (;;) {
      const rows = await unpublished(db, batchSize);
      if (rows.length === 0) return published;
      for (const row of rows) {
        await transport.publish(outboxMessage(row));
        await markPublished(db, row.id, new Date().toISOString());
        published += 1;
      }
    }
  }

  function dispatch(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await round();
        } while (again && !closed);
        lastError = undefined;
      } catch (err) {
        lastError = err;
        if (!closed) options.onError?.(err);
      } finally {
        running = undefined;
      }
      return total;
    })();
    return running;
  }

  const timer = setInterval(() => void dispatch(), pollIntervalMs);
  timer.unref();

  return {
    notify: () => void dispatch(),
    dispatch,
    async flush() {
      await dispatch();
      if (running) await running;
      const left = await unpublished(db, 1);
      if (left.length > 0) throw lastError ?? new Error('the outbox still holds events');
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}

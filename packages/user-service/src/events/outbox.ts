import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '@contract-kit/events';
import type { Selectable, Transaction } from 'kysely';
import type { OutboxTable, UserDatabase, UserDb } from '../db/schema.ts';
import type { UserChange, UserEvent } from './user-events.ts';

export type OutboxRow = Selectable<OutboxTable>;

/**
 * Appends a change's events to the outbox inside the caller's transaction, numbering them after the user's last
 * event. On PostgreSQL the caller holds the user's row lock, so two changes of one user number one after the other
 * (and the unique (user_id, sequence) constraint refuses anything else).
 */
export async function appendToOutbox(
  trx: Transaction<UserDatabase>,
  userId: number,
  changes: readonly UserChange[],
  occurredAt: string,
): Promise<UserEvent[]> {
  if (changes.length === 0) return [];
  const last = await trx
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('sequence').as('sequence'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  let sequence = Number(last?.sequence ?? 0);
  const events = changes.map(
    (change): UserEvent => ({
      eventId: randomUUID(),
      type: change.type,
      userId,
      sequence: ++sequence,
      occurredAt,
      user: change.user,
      ...(change.previousEmail === undefined ? {} : { previousEmail: change.previousEmail }),
    }),
  );
  await trx
    .insertInto('outbox')
    .values(
      events.map((event) => ({
        event_id: event.eventId,
        type: event.type,
        user_id: userId,
        sequence: event.sequence,
        payload: JSON.stringify(event),
        occurred_at: occurredAt,
        published_at: null,
      })),
    )
    .execute();
  return events;
}

/** Unpublished events, oldest first. */
export function unpublished(db: UserDb, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('published_at', 'is', null)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

export async function markPublished(db: UserDb, id: number, at: string): Promise<void> {
  await db.updateTable('outbox').set({ published_at: at }).where('id', '=', id).execute();
}

/** The message an outbox row is published as: what the relay sends and what message pacts are verified against. */
export function outboxMessage(row: Pick<OutboxRow, 'type' | 'event_id' | 'payload'>): OutgoingMessage {
  return { routingKey: row.type, messageId: row.event_id, body: JSON.parse(row.payload) as UserEvent };
}

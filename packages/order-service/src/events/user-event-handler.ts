import { type Kysely, sql } from 'kysely';
import type { OrderDatabase } from '../orders/database.ts';
import { readUserEvent, type UserEvent } from './user-event.ts';

/** `duplicate`: this event was handled before; `stale`: a later event of this user was applied already. */
export type HandleOutcome = 'applied' | 'duplicate' | 'stale';

/** A delivered message, as the transport (or a message pact) hands it over. */
export interface UserEventMessage {
  routingKey: string;
  messageId: string;
  body: unknown;
}

/**
 * Applies UserService's user events to OrderService's orders, each in one transaction with its inbox entry:
 * a redelivered event (same id) changes nothing, and an event older than one already applied for its user (lower
 * sequence) changes nothing either; every event carries the user's state after its change, so the latest one
 * alone decides.
 */
export function createUserEventHandler(db: Kysely<OrderDatabase>, now: () => Date = () => new Date()) {
  async function apply(trx: Kysely<OrderDatabase>, event: UserEvent): Promise<void> {
    const orders = trx.updateTable('orders').where('user_id', '=', event.userId);
    if (event.type === 'user.deleted') {
      await orders.set({ status: 'cancelled' }).where('status', 'in', ['placed', 'on-hold']).execute();
      return;
    }
    if (event.user.status === 'suspended') {
      await orders.set({ status: 'on-hold' }).where('status', '=', 'placed').execute();
    } else {
      await orders.set({ status: 'placed' }).where('status', '=', 'on-hold').execute();
    }
    // The snapshot follows the customer's email: where OrderService writes to about its orders.
    await orders
      .set({ customer: sql<string>`json_set(customer, '$.email', ${event.user.email})` })
      .where('status', '!=', 'cancelled')
      .execute();
  }

  async function handle(event: UserEvent): Promise<HandleOutcome> {
    return db.transaction().execute(async (trx) => {
      const seen = await trx
        .selectFrom('inbox')
        .select('event_id')
        .where('event_id', '=', event.eventId)
        .executeTakeFirst();
      if (seen) return 'duplicate';
      await trx
        .insertInto('inbox')
        .values({
          event_id: event.eventId,
          type: event.type,
          user_id: event.userId,
          sequence: event.sequence,
          received_at: now().toISOString(),
        })
        .execute();
      const last = await trx
        .selectFrom('customer_sequences')
        .select('sequence')
        .where('user_id', '=', event.userId)
        .executeTakeFirst();
      if (last && last.sequence >= event.sequence) return 'stale';
      await trx
        .insertInto('customer_sequences')
        .values({ user_id: event.userId, sequence: event.sequence })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ sequence: event.sequence }))
        .execute();
      await apply(trx, event);
      return 'applied';
    });
  }

  return {
    handle,
    /** Reads the message (UnreadableEventError when it cannot be acted on), then handles it. */
    handleMessage: (message: UserEventMessage) => handle(readUserEvent(message)),
  };
}

export type UserEventHandler = ReturnType<typeof createUserEventHandler>;

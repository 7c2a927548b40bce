import { messageMetadata } from '@contract-kit/events';
import { defineMessages, type MessageContext } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import { outboxMessage } from '../events/outbox.ts';
import type { UserEventType } from '../events/user-events.ts';

/**
 * UserService's messages as contract-kit verifies them: each makes the real change to the user the provider
 * state created (through the same repository the API uses), then reads the event that change wrote to the
 * outbox and returns it exactly as the relay publishes it: content, routing key, message id, content type.
 */
export function userServiceMessages(app: FastifyInstance) {
  const produce =
    (type: UserEventType, change: (id: number) => Promise<unknown>) => async (context: MessageContext) => {
      const id = Number(context.values.id);
      if (!Number.isSafeInteger(id)) {
        throw new Error(
          `the message "${context.description}" needs a provider state that creates a user ("a user exists")`,
        );
      }
      await change(id);
      const row = await app.db
        .selectFrom('outbox')
        .selectAll()
        .where('user_id', '=', id)
        .where('type', '=', type)
        .where('published_at', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!row) throw new Error(`UserService wrote no ${type} event to its outbox for user ${id}`);
      const message = outboxMessage(row);
      return { contents: message.body, metadata: messageMetadata(message) };
    };

  return defineMessages({
    'a user.suspended event': produce('user.suspended', (id) => app.users.update(id, { status: 'suspended' })),
    'a user.reactivated event': produce('user.reactivated', (id) => app.users.update(id, { status: 'active' })),
    'a user.email-changed event': produce('user.email-changed', (id) =>
      app.users.update(id, { email: `changed${id}@example.com` }),
    ),
    'a user.deleted event': produce('user.deleted', (id) => app.users.delete(id)),
  });
}

import type { EventTransport } from '@contract-kit/events';
import { UnreadableEventError, userEventTypes } from './user-event.ts';
import type { HandleOutcome, UserEventHandler } from './user-event-handler.ts';

/** OrderService's queue: durable, so events wait there while OrderService is down. */
export const userEventsQueue = 'order-service.user-events';

export interface ConsumerLog {
  handled(outcome: HandleOutcome, detail: { messageId: string; routingKey: string }): void;
  dropped(err: UnreadableEventError): void;
}

/**
 * Subscribes OrderService's handler to UserService's events. A message that cannot be read is logged and
 * acknowledged (it would fail the same way forever); any other failure rejects, so the transport delivers the
 * message again.
 */
export async function consumeUserEvents(
  transport: EventTransport,
  handler: UserEventHandler,
  options: { queue?: string; log?: ConsumerLog } = {},
): Promise<void> {
  await transport.subscribe({
    queue: options.queue ?? userEventsQueue,
    bindings: userEventTypes,
    handler: async (message) => {
      try {
        const outcome = await handler.handleMessage(message);
        options.log?.handled(outcome, { messageId: message.messageId, routingKey: message.routingKey });
      } catch (err) {
        if (!(err instanceof UnreadableEventError)) throw err;
        options.log?.dropped(err);
      }
    },
  });
}

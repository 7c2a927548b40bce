export { type ConsumerLog, consumeUserEvents, userEventsQueue } from './consumer.ts';
export { readUserEvent, UnreadableEventError, type UserEvent, userEventTypes } from './user-event.ts';
export { createUserEventHandler, type HandleOutcome, type UserEventHandler } from './user-event-handler.ts';

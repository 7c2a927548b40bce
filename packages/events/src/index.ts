export { type AmqpOptions, type AmqpTransport, createAmqpTransport } from './amqp.ts';
export { EventsError, type EventsErrorCode, EventsErrorCodes } from './errors.ts';
export { createInProcessTransport, type InProcessOptions, type InProcessTransport } from './in-process.ts';
export { openTransport } from './select.ts';
export {
  bindingMatches,
  type DeliveredMessage,
  type EventTransport,
  type MessageHandler,
  messageMetadata,
  type OutgoingMessage,
  type Subscription,
} from './transport.ts';

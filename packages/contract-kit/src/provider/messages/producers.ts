import type { StateParams, StateValues } from '../states.ts';

/** What a producer is called with: the interaction's provider states and what their handlers returned. */
export interface MessageContext {
  description: string;
  states: { name: string; params: StateParams }[];
  /** The values the state handlers returned (e.g. the id of the user a state created), merged. */
  values: StateValues;
}

/** A message as the provider's real code builds it. */
export interface ProducedMessage {
  /** The message's content (JSON unless `contentType` says otherwise). */
  contents: unknown;
  /** What the message carries besides its content: routing key, message id, content type… */
  metadata?: Record<string, unknown>;
  /** Default `application/json`. */
  contentType?: string;
}

/**
 * Builds one message the way the provider does in production, from the state its provider states set up:
 * call the code that raises the event, then read it where it is published from (an outbox, a queue). A
 * hand-written sample here would verify nothing.
 */
export type MessageProducer = (context: MessageContext) => Promise<ProducedMessage>;

/** Producers by the pacts' message descriptions (`expectsToReceive(...)`). */
export type MessageProducers = Record<string, MessageProducer>;

/** Declares a provider's message producers; it only fixes the types. */
export function defineMessages<M extends MessageProducers>(messages: M): M {
  return messages;
}

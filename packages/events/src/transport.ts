/** A message as a producer hands it to a transport. */
export interface OutgoingMessage {
  /** Topic routing key, e.g. `user.suspended`: consumers bind their queues to the keys they handle. */
  routingKey: string;
  /** Unique and the same on every redelivery: consumers deduplicate on it. */
  messageId: string;
  /** JSON-serialisable content. */
  body: unknown;
}

/** A message as a consumer's handler receives it. */
export interface DeliveredMessage {
  routingKey: string;
  messageId: string;
  contentType: string;
  /** The parsed JSON content. */
  body: unknown;
  /** True when an earlier delivery of this message may have reached a handler already. */
  redelivered: boolean;
}

/** Resolves when the message is handled (it is acknowledged); a rejection has it delivered again. */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface Subscription {
  /** The consumer's own queue: it keeps the messages of its bindings while the consumer is away. */
  queue: string;
  /** Routing keys the queue receives. */
  bindings: readonly string[];
  handler: MessageHandler;
}

/**
 * What producers and consumers need from a message broker: topic routing, durable per-consumer queues,
 * confirmed publishing and at-least-once delivery.
 */
export interface EventTransport {
  readonly kind: 'in-process' | 'amqp';
  /** Resolves once the transport has taken responsibility for the message (for AMQP: the broker confirmed it). */
  publish(message: OutgoingMessage): Promise<void>;
  /** Creates the queue and its bindings if missing, then delivers its messages to the handler, one at a time. */
  subscribe(subscription: Subscription): Promise<void>;
  close(): Promise<void>;
}

/** The metadata a message carries besides its content, as a message pact states it. */
export function messageMetadata(message: Pick<OutgoingMessage, 'routingKey' | 'messageId'>) {
  return { contentType: 'application/json', routingKey: message.routingKey, messageId: message.messageId };
}

/** AMQP topic matching: `*` is one word, `#` zero or more. */
export function bindingMatches(binding: string, routingKey: string): boolean {
  const pattern = binding.split('.');
  const words = routingKey.split('.');
  const match = (p: number, w: number): boolean => {
    if (p === pattern.length) return w === words.length;
    if (pattern[p] === '#') return match(p + 1, w) || (w < words.length && match(p, w + 1));
    if (w === words.length) return false;
    return (pattern[p] === '*' || pattern[p] === words[w]) && match(p + 1, w + 1);
  };
  return match(0, 0);
}

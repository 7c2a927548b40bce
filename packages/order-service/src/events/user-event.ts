/** The UserService events OrderService handles (the routing keys its queue is bound to). */
export const userEventTypes = ['user.suspended', 'user.reactivated', 'user.email-changed', 'user.deleted'] as const;
export type UserEventType = (typeof userEventTypes)[number];

/** What OrderService reads of a UserService user event; anything else in it is ignored. */
export interface UserEvent {
  eventId: string;
  type: UserEventType;
  userId: number;
  sequence: number;
  user: { email: string; status: 'active' | 'suspended' };
}

/** A message OrderService cannot act on: it is dropped (and logged), not retried, as it would never succeed. */
export class UnreadableEventError extends Error {
  constructor(messageId: string, why: string) {
    super(`User event ${messageId || '(no message id)'} cannot be handled: ${why}`);
    this.name = 'UnreadableEventError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const positiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/**
 * Reads a delivered message as a user event: the routing key must be a known type and agree with the body's
 * `type`, and every field OrderService relies on must be there with its type. Only plain fields are copied.
 */
export function readUserEvent(message: { routingKey: string; messageId: string; body: unknown }): UserEvent {
  const fail = (why: string): never => {
    throw new UnreadableEventError(message.messageId, why);
  };
  const { body, routingKey } = message;
  if (!(userEventTypes as readonly string[]).includes(routingKey)) fail(`unknown routing key "${routingKey}"`);
  if (!isRecord(body)) return fail('the content is not a JSON object');
  if (body.type !== routingKey)
    fail(`its type ${JSON.stringify(body.type)} differs from its routing key "${routingKey}"`);
  if (typeof body.eventId !== 'string' || body.eventId === '') fail('eventId is not a non-empty string');
  if (body.eventId !== message.messageId) fail(`its eventId differs from its message id "${message.messageId}"`);
  if (!positiveInteger(body.userId)) fail('userId is not a positive integer');
  if (!positiveInteger(body.sequence)) fail('sequence is not a positive integer');
  const user = body.user;
  if (!isRecord(user)) return fail('user is not an object');
  if (typeof user.email !== 'string' || !user.email.includes('@')) fail('user.email is not an email address');
  if (user.status !== 'active' && user.status !== 'suspended') fail('user.status is neither "active" nor "suspended"');
  return {
    eventId: body.eventId as string,
    type: routingKey as UserEventType,
    userId: body.userId as number,
    sequence: body.sequence as number,
    user: { email: user.email as string, status: user.status as UserEvent['user']['status'] },
  };
}

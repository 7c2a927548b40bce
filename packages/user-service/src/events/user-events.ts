import type { User, UserStatus } from '../types.ts';

export const userEventTypes = ['user.suspended', 'user.reactivated', 'user.email-changed', 'user.deleted'] as const;
export type UserEventType = (typeof userEventTypes)[number];

/**
 * What every user event carries: its id (the message id), the user, the user's sequence number and the user's
 * state after the change, so that a consumer that has seen a later event can ignore an earlier one and lose nothing.
 */
export interface UserEvent {
  eventId: string;
  type: UserEventType;
  userId: number;
  /** 1, 2, 3, … per user, in commit order. */
  sequence: number;
  /** ISO-8601 with milliseconds and `Z`. */
  occurredAt: string;
  /** The user after the change (for `user.deleted`: as it was when deleted). */
  user: { id: number; email: string; status: UserStatus };
  /** `user.email-changed` only. */
  previousEmail?: string;
}

/** The change an update or a delete made, as the events it raises (in this order), without ids and numbers yet. */
export type UserChange = Pick<UserEvent, 'type' | 'user' | 'previousEmail'>;

function stateOf(user: User): UserEvent['user'] {
  return { id: user.id, email: user.email, status: user.status };
}

/** The events of one change: `before` and `after` are the user before and after it (`after` undefined: deleted). */
export function changesBetween(before: User, after: User | undefined): UserChange[] {
  if (!after) return [{ type: 'user.deleted', user: stateOf(before) }];
  const changes: UserChange[] = [];
  if (before.email !== after.email) {
    changes.push({ type: 'user.email-changed', user: stateOf(after), previousEmail: before.email });
  }
  if (before.status !== after.status) {
    changes.push({ type: after.status === 'suspended' ? 'user.suspended' : 'user.reactivated', user: stateOf(after) });
  }
  return changes;
}

/**
 * Codes of what the event transports throw. The table "Events" in the repository README documents exactly these
 * (tested both ways).
 */
export const EventsErrorCodes = {
  transportUnavailable: 'EVENTS_TRANSPORT_UNAVAILABLE',
  publishNotConfirmed: 'EVENTS_PUBLISH_NOT_CONFIRMED',
  transportClosed: 'EVENTS_TRANSPORT_CLOSED',
  badUrl: 'EVENTS_BAD_URL',
} as const;

export type EventsErrorCode = (typeof EventsErrorCodes)[keyof typeof EventsErrorCodes];

/** A transport cannot take a message, or cannot be set up; the message says where and what to check. */
export class EventsError extends Error {
  readonly code: EventsErrorCode;
  constructor(code: EventsErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'EventsError';
    this.code = code;
  }
}

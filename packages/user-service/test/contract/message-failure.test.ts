import { formatReport, type ProducedMessage, type VerificationReport, verifyProvider } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { userServiceMessages } from '../../src/contract/provider-messages.ts';
import { userService, userServicePactFiles } from './verification.ts';

type Json = Record<string, unknown>;

/** Failed interactions → their problems. */
function failures(report: VerificationReport): Record<string, string[]> {
  return Object.fromEntries(
    report.interactions.filter((i) => i.result === 'failed').map((i) => [i.description, i.problems]),
  );
}

/** UserService with its events changed on the way out, as a change to the event builder would. */
async function verifyWith(options: {
  change?: (message: ProducedMessage) => ProducedMessage;
  app?: () => Promise<FastifyInstance>;
}) {
  const report = await verifyProvider({
    ...userService,
    ...(options.app ? { app: options.app } : {}),
    messages: (app: FastifyInstance) => {
      const producers = userServiceMessages(app);
      const change = options.change;
      if (!change) return producers;
      return Object.fromEntries(
        Object.entries(producers).map(([description, produce]) => [
          description,
          async (context: Parameters<typeof produce>[0]) => change(await produce(context)),
        ]),
      );
    },
    source: { pactFiles: userServicePactFiles() },
  });
  return { report, failed: failures(report), readable: formatReport(report) };
}

const allEvents = [
  'a user.deleted event',
  'a user.email-changed event',
  'a user.reactivated event',
  'a user.suspended event',
];

const content = (change: (body: Json) => Json) => (message: ProducedMessage) => ({
  ...message,
  contents: change(message.contents as Json),
});

describe('breaking changes to the events make verification fail', () => {
  it('a renamed field (userId → customerId)', async () => {
    const { report, failed, readable } = await verifyWith({
      change: content(({ userId, ...rest }) => ({ ...rest, customerId: userId })),
    });
    expect(report.passed).toBe(false);
    expect(Object.keys(failed).sort()).toEqual(allEvents);
    expect(failed['a user.suspended event']).toEqual(['body $: Actual map is missing the following keys: userId']);
    expect(readable).toContain('✗ a user.suspended event');
  });

  it('a changed type (sequence as a string)', async () => {
    const { failed } = await verifyWith({ change: content((body) => ({ ...body, sequence: String(body.sequence) })) });
    expect(Object.keys(failed).sort()).toEqual(allEvents);
    expect(failed['a user.reactivated event']).toEqual(["body $.sequence: Expected '1' (String) to be an integer"]);
  });

  it('a missing metadata key (no routing key)', async () => {
    const { failed } = await verifyWith({
      change: (message) => {
        const { routingKey: _dropped, ...metadata } = message.metadata ?? {};
        return { ...message, metadata };
      },
    });
    expect(Object.keys(failed).sort()).toEqual(allEvents);
    expect(failed['a user.deleted event']).toEqual([
      "metadata routingKey: Expected message metadata 'routingKey' but was missing",
    ]);
  });

  it('a dropped event (deleting a user no longer writes user.deleted)', async () => {
    const { failed } = await verifyWith({
      app: async () => {
        const app = await userService.app!();
        // Deletes the row and nothing else, as a delete that forgot its event would.
        app.users.delete = async (id) => {
          const result = await app.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
          return result.numDeletedRows > 0n;
        };
        return app;
      },
    });
    expect(Object.keys(failed)).toEqual(['a user.deleted event']);
    expect(failed['a user.deleted event']?.[0]).toBe(
      'message "a user.deleted event" could not be produced: UserService wrote no user.deleted event to its outbox for user 42',
    );
  });
});

describe('compatible changes to the events still verify', () => {
  it('an added field and an added metadata key', async () => {
    const { report, readable } = await verifyWith({
      change: (message) => ({
        contents: { ...(message.contents as Json), source: 'user-service', schemaVersion: 2 },
        metadata: { ...message.metadata, traceId: 'abc' },
      }),
    });
    expect(report.passed, readable).toBe(true);
    expect(report.interactions.filter((i) => i.description.endsWith(' event'))).toHaveLength(4);
  });
});

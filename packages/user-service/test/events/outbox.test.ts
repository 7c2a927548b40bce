import {
  createInProcessTransport,
  type DeliveredMessage,
  EventsError,
  EventsErrorCodes,
  type EventTransport,
} from '@contract-kit/events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UserDb } from '../../src/db/schema.ts';
import { UserEmailTakenError } from '../../src/errors.ts';
import { createOutboxRelay } from '../../src/events/relay.ts';
import type { UserEvent } from '../../src/events/user-events.ts';
import { resetDatabase, seedUser } from '../../src/seed/seed.ts';
import { createUsersRepository, type UsersRepository } from '../../src/users/users-repository.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

let testDb: TestDatabase;
let db: UserDb;
let users: UsersRepository;

beforeAll(async () => {
  testDb = await openTestDatabase();
  db = testDb.database.db;
  users = createUsersRepository(db);
});
afterAll(() => testDb.close());
beforeEach(() => resetDatabase(db));

async function outbox(): Promise<UserEvent[]> {
  const rows = await db.selectFrom('outbox').selectAll().orderBy('id').execute();
  return rows.map((row) => JSON.parse(row.payload) as UserEvent);
}

describe('the outbox', () => {
  it('gets each change as an event in the same transaction, numbered per user', async () => {
    const alice = await seedUser(db, { id: 1, email: 'alice@example.com' });
    await seedUser(db, { id: 2 });
    await users.update(alice.id, { status: 'suspended' });
    await users.update(2, { status: 'suspended' });
    await users.update(alice.id, { status: 'active' });
    await users.update(alice.id, { email: 'Alice@Example.org' });
    await users.delete(alice.id);

    const events = await outbox();
    expect(events.map((e) => [e.type, e.userId, e.sequence])).toEqual([
      ['user.suspended', 1, 1],
      ['user.suspended', 2, 1],
      ['user.reactivated', 1, 2],
      ['user.email-changed', 1, 3],
      ['user.deleted', 1, 4],
    ]);
    expect(events[3]).toMatchObject({
      user: { id: 1, email: 'alice@example.org', status: 'active' },
      previousEmail: 'alice@example.com',
    });
    expect(events[4]?.user).toEqual({ id: 1, email: 'alice@example.org', status: 'active' });
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    for (const event of events) expect(event.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('writes one event per change when a patch changes email and status together', async () => {
    await seedUser(db, { id: 7 });
    await users.update(7, { email: 'new7@example.com', status: 'suspended' });
    expect((await outbox()).map((e) => [e.type, e.sequence, e.user.status])).toEqual([
      ['user.email-changed', 1, 'suspended'],
      ['user.suspended', 2, 'suspended'],
    ]);
  });

  it('writes nothing for a change that raises no event, or one that fails and is rolled back', async () => {
    await seedUser(db, { id: 1, email: 'taken@example.com' });
    await seedUser(db, { id: 2 });
    await users.update(2, { name: 'Renamed' });
    await users.update(2, { status: 'active' });
    await expect(users.update(2, { email: 'taken@example.com' })).rejects.toBeInstanceOf(UserEmailTakenError);
    expect(await users.update(99, { status: 'suspended' })).toBeUndefined();
    expect(await users.delete(99)).toBe(false);
    expect(await outbox()).toEqual([]);
  });

  it('numbers concurrent changes of one user without a gap or a repeat', async () => {
    await seedUser(db, { id: 3 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => users.update(3, { email: `user3-${i}@example.com` })));
    expect((await outbox()).map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

/** A transport that refuses while `down` is true, as RabbitMQ does while unreachable. */
function flaky(inner: EventTransport) {
  const state = { down: false };
  const transport: EventTransport = {
    kind: inner.kind,
    publish: (message) =>
      state.down
        ? Promise.reject(new EventsError(EventsErrorCodes.transportUnavailable, 'RabbitMQ is down (test)'))
        : inner.publish(message),
    subscribe: (subscription) => inner.subscribe(subscription),
    close: () => inner.close(),
  };
  return { transport, state };
}

describe('the relay', () => {
  it('publishes the outbox in order, with the event id as message id and the type as routing key', async () => {
    const transport = createInProcessTransport();
    const received: DeliveredMessage[] = [];
    await transport.subscribe({ queue: 'test', bindings: ['user.*'], handler: async (m) => void received.push(m) });
    const relay = createOutboxRelay({ db, transport });
    const repository = createUsersRepository(db, { onEventsWritten: relay.notify });
    await seedUser(db, { id: 5 });
    await repository.update(5, { status: 'suspended' });
    await repository.update(5, { status: 'active' });
    await relay.flush();
    await transport.whenIdle();
    await relay.close();

    const events = await outbox();
    expect(received.map((m) => [m.routingKey, m.messageId])).toEqual(events.map((e) => [e.type, e.eventId]));
    expect(received.map((m) => m.body)).toEqual(events);
    const unpublished = await db.selectFrom('outbox').select('id').where('published_at', 'is', null).execute();
    expect(unpublished).toEqual([]);
  });

  it('keeps what it could not publish and sends it, in order, once the transport is back', async () => {
    const inner = createInProcessTransport();
    const received: number[] = [];
    await inner.subscribe({
      queue: 'test',
      bindings: ['#'],
      handler: async (m) => void received.push((m.body as UserEvent).sequence),
    });
    const { transport, state } = flaky(inner);
    const errors: unknown[] = [];
    const relay = createOutboxRelay({ db, transport, onError: (err) => errors.push(err) });
    const repository = createUsersRepository(db, { onEventsWritten: relay.notify });
    await seedUser(db, { id: 9 });

    await repository.update(9, { status: 'suspended' });
    await relay.flush();
    state.down = true;
    await repository.update(9, { status: 'active' });
    await repository.update(9, { status: 'suspended' });
    await expect(relay.flush()).rejects.toMatchObject({ code: EventsErrorCodes.transportUnavailable });
    const held = await db.selectFrom('outbox').select('sequence').where('published_at', 'is', null).execute();
    expect(held.map((r) => r.sequence)).toEqual([2, 3]);

    state.down = false;
    await relay.flush();
    await inner.whenIdle();
    await relay.close();
    expect(received).toEqual([1, 2, 3]);
    expect(errors.length).toBeGreaterThan(0);
  });
});

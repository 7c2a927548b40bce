import { type Database, migrateToLatest, openDatabase } from '@contract-kit/service-common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readUserEvent, UnreadableEventError, type UserEventType } from '../../src/events/user-event.ts';
import { createUserEventHandler, type UserEventHandler } from '../../src/events/user-event-handler.ts';
import { migrations, type OrderDatabase } from '../../src/orders/database.ts';
import { createOrdersRepository, type OrdersRepository } from '../../src/orders/orders-repository.ts';

let database: Database<OrderDatabase>;
let orders: OrdersRepository;
let handler: UserEventHandler;

const customer = {
  name: 'Ada',
  email: 'ada@example.com',
  customerSince: '2026-01-01T00:00:00.000Z',
  address: { street: '1 Main Street', city: 'Springfield', postalCode: '12345', country: 'US' },
};

beforeEach(async () => {
  database = await openDatabase<OrderDatabase>({ url: ':memory:' });
  await migrateToLatest(database.db, migrations);
  orders = createOrdersRepository(database.db);
  handler = createUserEventHandler(database.db);
  for (const userId of [42, 42, 7]) {
    const items = [{ sku: 'BOOK-1', quantity: 1, unitPrice: 100 }];
    await orders.insert({ userId, items, total: 100, customer, createdAt: '2026-03-04T05:06:07.000Z' });
  }
});
afterEach(() => database.close());

let counter = 0;
function event(type: UserEventType, sequence: number, user: { email?: string; status?: 'active' | 'suspended' } = {}) {
  const eventId = `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  return {
    routingKey: type,
    messageId: eventId,
    body: {
      eventId,
      type,
      userId: 42,
      sequence,
      occurredAt: '2026-03-04T05:06:07.000Z',
      user: { id: 42, email: user.email ?? 'ada@example.com', status: user.status ?? 'active' },
    },
  };
}

async function ordersOf(userId: number) {
  return (await orders.list({ userId, limit: 10 })).map((o) => ({ status: o.status, email: o.customer.email }));
}

describe("OrderService's user event handler", () => {
  it("puts a suspended user's open orders on hold, and releases them on reactivation", async () => {
    expect(await handler.handleMessage(event('user.suspended', 1, { status: 'suspended' }))).toBe('applied');
    expect(await ordersOf(42)).toEqual([
      { status: 'on-hold', email: 'ada@example.com' },
      { status: 'on-hold', email: 'ada@example.com' },
    ]);
    expect(await ordersOf(7)).toEqual([{ status: 'placed', email: 'ada@example.com' }]);
    await handler.handleMessage(event('user.reactivated', 2));
    expect((await ordersOf(42)).map((o) => o.status)).toEqual(['placed', 'placed']);
  });

  it('keeps the customer snapshot on the email UserService announces', async () => {
    await handler.handleMessage(event('user.email-changed', 1, { email: 'ada@lovelace.example' }));
    expect((await ordersOf(42)).map((o) => o.email)).toEqual(['ada@lovelace.example', 'ada@lovelace.example']);
  });

  it("cancels a deleted user's open orders", async () => {
    await handler.handleMessage(event('user.deleted', 3));
    expect((await ordersOf(42)).map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('does nothing on a redelivered event, even after a later change', async () => {
    const suspended = event('user.suspended', 1, { status: 'suspended' });
    await handler.handleMessage(suspended);
    await handler.handleMessage(event('user.reactivated', 2));
    expect(await handler.handleMessage(suspended)).toBe('duplicate');
    expect((await ordersOf(42)).map((o) => o.status)).toEqual(['placed', 'placed']);
  });

  it('ignores an event older than one already applied: the latest state wins whatever the delivery order', async () => {
    // Committed as 1 (email), 2 (suspended), 3 (reactivated); delivered 3, 1, 2.
    const email = event('user.email-changed', 1, { email: 'new@example.com' });
    const suspended = event('user.suspended', 2, { email: 'new@example.com', status: 'suspended' });
    const reactivated = event('user.reactivated', 3, { email: 'new@example.com' });
    expect(await handler.handleMessage(reactivated)).toBe('applied');
    expect(await handler.handleMessage(email)).toBe('stale');
    expect(await handler.handleMessage(suspended)).toBe('stale');
    expect(await ordersOf(42)).toEqual([
      { status: 'placed', email: 'new@example.com' },
      { status: 'placed', email: 'new@example.com' },
    ]);
  });
});

describe('reading a user event', () => {
  const good = () => event('user.suspended', 1, { status: 'suspended' });
  type Message = ReturnType<typeof good>;
  it.each<[string, (m: Message) => { routingKey: string; messageId: string; body: unknown }, RegExp]>([
    ['an unknown routing key', (m) => ({ ...m, routingKey: 'user.created' }), /routing key/],
    [
      'a routing key that is not its type',
      (m) => ({ ...m, routingKey: 'user.deleted' }),
      /differs from its routing key/,
    ],
    ['a message id that is not its event id', (m) => ({ ...m, messageId: 'other' }), /differs from its message id/],
    ['a string userId', (m) => ({ ...m, body: { ...m.body, userId: '42' } }), /userId is not a positive integer/],
    ['no sequence', (m) => ({ ...m, body: { ...m.body, sequence: undefined } }), /sequence/],
    ['an unknown status', (m) => ({ ...m, body: { ...m.body, user: { ...m.body.user, status: 'x' } } }), /status/],
    ['content that is not an object', (m) => ({ ...m, body: [1] }), /not a JSON object/],
  ])('refuses %s, saying why', (_, change, why) => {
    const message = change(good());
    expect(() => readUserEvent(message)).toThrow(UnreadableEventError);
    expect(() => readUserEvent(message)).toThrow(why);
  });

  it('copies only the fields it reads', () => {
    const message = good();
    const read = readUserEvent({ ...message, body: { ...message.body, ['__proto__' as string]: { polluted: 1 } } });
    expect(Object.keys(read).sort()).toEqual(['eventId', 'sequence', 'type', 'user', 'userId']);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});

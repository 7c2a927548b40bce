import { type Database, migrateToLatest, openDatabase } from '@contract-kit/service-common';
import { MatchersV3 } from '@pact-foundation/pact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserEventType } from '../../src/events/user-event.ts';
import { createUserEventHandler } from '../../src/events/user-event-handler.ts';
import { migrations, type OrderDatabase } from '../../src/orders/database.ts';
import { createOrdersRepository } from '../../src/orders/orders-repository.ts';
import { userServicePact } from './pact-setup.ts';

const { integer, regex } = MatchersV3;
/** Anchored: the verifier would accept any value merely containing a UUID otherwise. */
const uuid = (example: string) => regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, example);

// The events go into the same OrderService → UserService pact as the HTTP interactions: one provider, one pact
// version, one verification result, and can-i-deploy answers for both at once.
const pact = userServicePact(import.meta.url);

let database: Database<OrderDatabase>;
beforeEach(async () => {
  database = await openDatabase<OrderDatabase>({ url: ':memory:' });
  await migrateToLatest(database.db, migrations);
  const orders = createOrdersRepository(database.db);
  const customer = {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    customerSince: '2026-01-02T03:04:05.000Z',
    address: { street: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
  };
  for (let i = 0; i < 2; i += 1) {
    await orders.insert({
      userId: 42,
      items: [{ sku: 'BOOK-1', quantity: 1, unitPrice: 1250 }],
      total: 1250,
      customer,
      createdAt: '2026-03-04T05:06:07.000Z',
    });
  }
});
afterEach(() => database.close());

const eventId = '3f2b8c1e-9d4a-4f6b-8e2c-1a5d7e9f0b3c';
const email = regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'ada@example.com');

/** What OrderService reads of an event, and the metadata it checks (routing key, message id = event id). */
function userEvent(type: UserEventType, status: 'active' | 'suspended', userEmail: unknown = email) {
  return {
    content: {
      eventId: uuid(eventId),
      type,
      userId: integer(42),
      sequence: integer(1),
      user: { email: userEmail, status },
    },
    metadata: { routingKey: type, contentType: 'application/json', messageId: uuid(eventId) },
  };
}

async function ordersOf42() {
  const orders = await createOrdersRepository(database.db).list({ userId: 42, limit: 10 });
  return orders.map((order) => ({ status: order.status, email: order.customer.email }));
}

/** Runs OrderService's real handler on the message the pact describes. */
async function handle(message: { contents: { content: unknown }; metadata: Record<string, unknown> }) {
  const outcome = await createUserEventHandler(database.db).handleMessage({
    routingKey: String(message.metadata.routingKey),
    messageId: String(message.metadata.messageId),
    body: message.contents.content,
  });
  expect(outcome).toBe('applied');
}

function expectEvent(
  state: { status: 'active' | 'suspended' },
  description: string,
  event: ReturnType<typeof userEvent>,
) {
  return pact
    .addAsynchronousInteraction()
    .given('a user exists', { id: 42, status: state.status })
    .expectsToReceive(description, (builder) => {
      builder.withJSONContent(event.content).withMetadata(event.metadata as unknown as Record<string, string>);
    });
}

describe("OrderService consumes UserService's user events", () => {
  it("puts the user's open orders on hold on user.suspended", async () => {
    await expectEvent(
      { status: 'active' },
      'a user.suspended event',
      userEvent('user.suspended', 'suspended'),
    ).executeTest(async (message) => {
      await handle(message);
      expect((await ordersOf42()).map((o) => o.status)).toEqual(['on-hold', 'on-hold']);
    });
  });

  it('releases them on user.reactivated', async () => {
    await database.db.updateTable('orders').set({ status: 'on-hold' }).execute();
    await expectEvent(
      { status: 'suspended' },
      'a user.reactivated event',
      userEvent('user.reactivated', 'active'),
    ).executeTest(async (message) => {
      await handle(message);
      expect((await ordersOf42()).map((o) => o.status)).toEqual(['placed', 'placed']);
    });
  });

  it('follows the new email on user.email-changed', async () => {
    const changed = regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'ada@lovelace.example');
    await expectEvent(
      { status: 'active' },
      'a user.email-changed event',
      userEvent('user.email-changed', 'active', changed),
    ).executeTest(async (message) => {
      await handle(message);
      expect((await ordersOf42()).map((o) => o.email)).toEqual(['ada@lovelace.example', 'ada@lovelace.example']);
    });
  });

  it('cancels the open orders on user.deleted', async () => {
    await expectEvent({ status: 'active' }, 'a user.deleted event', userEvent('user.deleted', 'active')).executeTest(
      async (message) => {
        await handle(message);
        expect((await ordersOf42()).map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
      },
    );
  });
});

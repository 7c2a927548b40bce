import { createInProcessTransport, type InProcessTransport } from '@contract-kit/events';
import { buildApp as buildUserService, issueToken, seedUser } from '@contract-kit/user-service';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp as buildOrderService } from '../../src/app.ts';

// Both services for real on the in-process transport: a change made through UserService's API reaches
// OrderService's orders through UserService's outbox and relay.
let transport: InProcessTransport;
let userService: FastifyInstance;
let orderService: FastifyInstance;
let writeToken: string;
let ada: { id: number };

beforeEach(async () => {
  transport = createInProcessTransport();
  userService = await buildUserService({ database: { url: ':memory:' }, events: { transport } });
  const readToken = await issueToken(userService.db, { scopes: ['users:read'], name: 'order-service' });
  writeToken = await issueToken(userService.db, { scopes: ['users:write'], name: 'admin' });
  ada = await seedUser(userService.db, { name: 'Ada Lovelace', email: 'ada@example.com' });
  const userServiceUrl = await userService.listen({ host: '127.0.0.1', port: 0 });
  orderService = await buildOrderService({
    databasePath: ':memory:',
    userService: { baseUrl: userServiceUrl, token: readToken, timeoutMs: 2_000 },
    events: { transport },
  });
  for (let i = 0; i < 2; i += 1) {
    const placed = await orderService.inject({
      method: 'POST',
      url: '/orders',
      payload: { userId: ada.id, items: [{ sku: 'BOOK-1', quantity: 1, unitPrice: 1250 }] },
    });
    expect(placed.statusCode).toBe(201);
  }
});

afterEach(async () => {
  await orderService?.close();
  await userService?.close();
  await transport.close();
});

async function changeUser(method: 'PATCH' | 'DELETE', payload?: object): Promise<void> {
  const response = await userService.inject({
    method,
    url: `/users/${ada.id}`,
    headers: { authorization: `Bearer ${writeToken}` },
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode).toBeLessThan(300);
  // Everything committed is published, then handled.
  await userService.relay?.flush();
  await transport.whenIdle();
}

async function adaOrders() {
  const response = await orderService.inject({ method: 'GET', url: `/orders?userId=${ada.id}` });
  return (response.json() as { items: { status: string; customer: { email: string } }[] }).items.map((o) => ({
    status: o.status,
    email: o.customer.email,
  }));
}

describe("UserService's events in OrderService", () => {
  it('hold the orders of a suspended user, release them on reactivation, follow the email, cancel on deletion', async () => {
    await changeUser('PATCH', { status: 'suspended' });
    expect((await adaOrders()).map((o) => o.status)).toEqual(['on-hold', 'on-hold']);
    await changeUser('PATCH', { status: 'active' });
    expect((await adaOrders()).map((o) => o.status)).toEqual(['placed', 'placed']);
    await changeUser('PATCH', { email: 'ada@lovelace.example' });
    expect((await adaOrders()).map((o) => o.email)).toEqual(['ada@lovelace.example', 'ada@lovelace.example']);
    await changeUser('DELETE');
    expect((await adaOrders()).map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('do no harm when the relay publishes everything again (a crash before it stamped them)', async () => {
    await changeUser('PATCH', { status: 'suspended' });
    await changeUser('PATCH', { status: 'active' });
    await userService.db.updateTable('outbox').set({ published_at: null }).execute();
    await userService.relay?.flush();
    await transport.whenIdle();
    // The replayed suspension would have put them on hold again.
    expect((await adaOrders()).map((o) => o.status)).toEqual(['placed', 'placed']);
  });
});

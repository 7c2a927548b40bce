import { buildApp as buildUserService, issueToken, seedUser } from '@contract-kit/user-service';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp as buildOrderService } from '../../src/app.ts';
import { OrderErrorCodes } from '../../src/errors.ts';

// Both services for real: UserService listening on port 0 with its own database, OrderService
// calling it over HTTP with a token UserService issued.
let userService: FastifyInstance;
let orderService: FastifyInstance;
let ada: { id: number };
let grace: { id: number };

beforeAll(async () => {
  userService = await buildUserService({ database: { url: ':memory:' } });
  const token = await issueToken(userService.db, { scopes: ['users:read'], name: 'order-service' });
  ada = await seedUser(userService.db, {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    address: { street: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
    createdAt: '2026-01-02T03:04:05.000Z',
  });
  grace = await seedUser(userService.db, { name: 'Grace Hopper', status: 'suspended' });
  const userServiceUrl = await userService.listen({ host: '127.0.0.1', port: 0 });
  orderService = await buildOrderService({
    databasePath: ':memory:',
    userService: { baseUrl: userServiceUrl, token, timeoutMs: 2_000 },
  });
});

afterAll(async () => {
  await orderService?.close();
  await userService?.close();
});

const items = [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }];

describe('OrderService with the real UserService', () => {
  it('places an order for an active user with a snapshot of the user', async () => {
    const response = await orderService.inject({ method: 'POST', url: '/orders', payload: { userId: ada.id, items } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      userId: ada.id,
      total: 2500,
      customer: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        customerSince: '2026-01-02T03:04:05.000Z',
        address: { street: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
      },
    });
  });

  it('refuses a suspended user', async () => {
    const response = await orderService.inject({
      method: 'POST',
      url: '/orders',
      payload: { userId: grace.id, items },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe(OrderErrorCodes.userSuspended);
  });

  it('refuses an unknown user', async () => {
    const response = await orderService.inject({ method: 'POST', url: '/orders', payload: { userId: 9999, items } });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe(OrderErrorCodes.userNotFound);
  });

  it('lists recent orders with the customer’s current name after a rename', async () => {
    await userService.users.update(ada.id, { name: 'Ada King' });
    const response = await orderService.inject({ url: '/orders' });
    expect(response.statusCode).toBe(200);
    const [latest] = response.json().items;
    expect(latest).toMatchObject({ userId: ada.id, currentCustomerName: 'Ada King' });
    expect(latest.customer.name).toBe('Ada Lovelace');
  });

  it('reports a token UserService does not know as an auth failure', async () => {
    const misconfigured = await buildOrderService({
      databasePath: ':memory:',
      userService: {
        baseUrl: `http://127.0.0.1:${(userService.server.address() as { port: number }).port}`,
        token: 'wrong',
      },
    });
    try {
      const response = await misconfigured.inject({
        method: 'POST',
        url: '/orders',
        payload: { userId: ada.id, items },
      });
      expect(response.statusCode).toBe(502);
      expect(response.json().code).toBe(OrderErrorCodes.userServiceAuthFailed);
    } finally {
      await misconfigured.close();
    }
  });
});

import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderErrorCodes } from '../../src/errors.ts';
import { buildOrderApp, fixedNow } from '../helpers/order-app.ts';
import { activeUser, closedPortUrl, type StubServer, sendJson, startStubServer } from '../helpers/stub-server.ts';

let app: FastifyInstance | undefined;
let stub: StubServer | undefined;
afterEach(async () => {
  await app?.close();
  await stub?.close();
  app = undefined;
  stub = undefined;
});

const items = [
  { sku: 'BOOK-1', quantity: 2, unitPrice: 1250 },
  { sku: 'PEN-9', quantity: 1, unitPrice: 199 },
];

/** OrderService whose UserService answers every request with `status` and `body`. */
async function orderAppWithUserService(status: number, body: unknown) {
  stub = await startStubServer((_req, res) => sendJson(res, status, body));
  app = await buildOrderApp(stub.url);
  return app;
}

function placeOrder(target: FastifyInstance, payload: unknown) {
  return target.inject({ method: 'POST', url: '/orders', payload: payload as object });
}

function errorBody(statusCode: number, code: string, error: string) {
  return { statusCode, code, error, message: expect.any(String) };
}

describe('POST /orders', () => {
  it('stores the order with a snapshot of the customer and answers 201', async () => {
    const target = await orderAppWithUserService(200, activeUser);
    const response = await placeOrder(target, { userId: 42, items });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe('/orders/1');
    const expected = {
      id: 1,
      userId: 42,
      status: 'placed',
      items,
      total: 2699,
      customer: {
        name: activeUser.name,
        email: activeUser.email,
        customerSince: activeUser.createdAt,
        address: activeUser.address,
      },
      createdAt: fixedNow.toISOString(),
    };
    expect(response.json()).toEqual(expected);
    expect((await target.inject({ url: '/orders/1' })).json()).toEqual(expected);
    expect(stub?.requests).toEqual([{ method: 'GET', url: '/users/42', authorization: 'Bearer order-service-token' }]);
  });

  it.each([
    ['no items', { userId: 42, items: [] }, '/items'],
    ['a zero quantity', { userId: 42, items: [{ sku: 'A', quantity: 0, unitPrice: 1 }] }, '/items/0/quantity'],
    ['a fractional price', { userId: 42, items: [{ sku: 'A', quantity: 1, unitPrice: 1.5 }] }, '/items/0/unitPrice'],
    ['a string userId', { userId: 'abc', items }, '/userId'],
  ])('rejects %s with 400 and the validation details, without calling UserService', async (_case, payload, path) => {
    const target = await orderAppWithUserService(200, activeUser);
    const response = await placeOrder(target, payload);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject(errorBody(400, OrderErrorCodes.validationFailed, 'Bad Request'));
    expect(body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(stub?.requests).toEqual([]);
  });

  it('rejects an unknown user with 422 ORDER_USER_NOT_FOUND', async () => {
    const target = await orderAppWithUserService(404, {
      statusCode: 404,
      code: 'USER_NOT_FOUND',
      error: 'Not Found',
      message: 'x',
    });
    const response = await placeOrder(target, { userId: 42, items });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      statusCode: 422,
      code: OrderErrorCodes.userNotFound,
      error: 'Unprocessable Entity',
      message: 'User 42 does not exist',
    });
  });

  it('rejects a suspended user with 422 ORDER_USER_SUSPENDED and stores nothing', async () => {
    const target = await orderAppWithUserService(200, { ...activeUser, status: 'suspended' });
    const response = await placeOrder(target, { userId: 42, items });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      statusCode: 422,
      code: OrderErrorCodes.userSuspended,
      error: 'Unprocessable Entity',
      message: 'User 42 is suspended and cannot place orders',
    });
    expect((await target.inject({ url: '/orders?userId=42' })).json()).toEqual({ items: [] });
  });

  it.each([
    [401, 'AUTH_TOKEN_INVALID'],
    [403, 'AUTH_SCOPE_MISSING'],
  ])('maps UserService refusing our token (%i) to 502 USER_SERVICE_AUTH_FAILED', async (status, upstream) => {
    const target = await orderAppWithUserService(status, {
      statusCode: status,
      code: upstream,
      error: 'x',
      message: 'y',
    });
    const response = await placeOrder(target, { userId: 42, items });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject(errorBody(502, OrderErrorCodes.userServiceAuthFailed, 'Bad Gateway'));
  });

  it('maps a malformed user to 502 USER_SERVICE_BAD_RESPONSE', async () => {
    const target = await orderAppWithUserService(200, { ...activeUser, address: null });
    const response = await placeOrder(target, { userId: 42, items });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject(errorBody(502, OrderErrorCodes.userServiceBadResponse, 'Bad Gateway'));
  });

  it('maps UserService failing with 500 to 503 USER_SERVICE_UNAVAILABLE', async () => {
    const target = await orderAppWithUserService(500, {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      error: 'x',
      message: 'y',
    });
    const response = await placeOrder(target, { userId: 42, items });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject(
      errorBody(503, OrderErrorCodes.userServiceUnavailable, 'Service Unavailable'),
    );
  });

  it('maps UserService being down to 503 USER_SERVICE_UNAVAILABLE', async () => {
    app = await buildOrderApp(await closedPortUrl());
    const response = await placeOrder(app, { userId: 42, items });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject(
      errorBody(503, OrderErrorCodes.userServiceUnavailable, 'Service Unavailable'),
    );
  });

  it('maps a UserService that never answers to 503 within the configured timeout', async () => {
    stub = await startStubServer(() => {});
    app = await buildOrderApp(stub.url, { timeoutMs: 150 });
    const response = await placeOrder(app, { userId: 42, items });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      statusCode: 503,
      code: OrderErrorCodes.userServiceUnavailable,
      error: 'Service Unavailable',
      message: 'UserService did not answer in time while fetching user 42; try again shortly',
    });
  });
});

describe('GET /orders/:id', () => {
  it('answers 404 ORDER_NOT_FOUND for an unknown order', async () => {
    const target = await orderAppWithUserService(200, activeUser);
    const response = await target.inject({ url: '/orders/99' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      code: OrderErrorCodes.orderNotFound,
      error: 'Not Found',
      message: 'Order 99 does not exist',
    });
  });

  it('answers 400 for an id that is not a positive integer', async () => {
    const target = await orderAppWithUserService(200, activeUser);
    const response = await target.inject({ url: '/orders/abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject(errorBody(400, OrderErrorCodes.validationFailed, 'Bad Request'));
  });
});

describe('GET /orders', () => {
  it('lists a customer’s orders newest first from the snapshots alone', async () => {
    const target = await orderAppWithUserService(200, activeUser);
    await placeOrder(target, { userId: 42, items });
    await placeOrder(target, { userId: 42, items: [items[0]] });
    const callsBefore = stub?.requests.length;
    const response = await target.inject({ url: '/orders?userId=42' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((o: { id: number }) => o.id)).toEqual([2, 1]);
    expect(stub?.requests.length).toBe(callsBefore);
  });

  it('lists recent orders with each customer’s current name from one batch lookup', async () => {
    const names = new Map([
      [42, 'Ada King'],
      [7, 'Grace Hopper'],
    ]);
    stub = await startStubServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stub');
      if (url.pathname === '/users') {
        const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
        const found = ids.filter((id) => names.has(id)).map((id) => ({ ...activeUser, id, name: names.get(id) }));
        return sendJson(res, 200, { items: found, total: found.length, limit: 100, offset: 0 });
      }
      const id = Number(url.pathname.split('/').pop());
      return sendJson(res, 200, { ...activeUser, id });
    });
    app = await buildOrderApp(stub.url);
    for (const userId of [42, 7, 42, 5]) await placeOrder(app, { userId, items });

    const response = await app.inject({ url: '/orders?limit=10' });
    expect(response.statusCode).toBe(200);
    const listed = response
      .json()
      .items.map((o: { id: number; userId: number; currentCustomerName: string | null }) => [
        o.id,
        o.userId,
        o.currentCustomerName,
      ]);
    expect(listed).toEqual([
      [4, 5, null],
      [3, 42, 'Ada King'],
      [2, 7, 'Grace Hopper'],
      [1, 42, 'Ada King'],
    ]);
    const batchCalls = stub.requests.filter((r) => r.url.startsWith('/users?'));
    expect(batchCalls.map((r) => r.url)).toEqual(['/users?ids=5,7,42&limit=100']);
  });

  it('answers 503 when UserService is down for the recent-orders listing', async () => {
    const target = await orderAppWithUserService(200, activeUser);
    await placeOrder(target, { userId: 42, items });
    await stub?.close();
    stub = undefined;
    const response = await target.inject({ url: '/orders' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject(
      errorBody(503, OrderErrorCodes.userServiceUnavailable, 'Service Unavailable'),
    );
  });

  it('answers 502 when the batch lookup answers 404 (it lists found users, it never 404s)', async () => {
    stub = await startStubServer((req, res) =>
      req.url?.startsWith('/users?')
        ? sendJson(res, 404, { statusCode: 404, code: 'ROUTE_NOT_FOUND', error: 'Not Found', message: 'x' })
        : sendJson(res, 200, activeUser),
    );
    app = await buildOrderApp(stub.url);
    await placeOrder(app, { userId: 42, items });
    const response = await app.inject({ url: '/orders' });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject(errorBody(502, OrderErrorCodes.userServiceBadResponse, 'Bad Gateway'));
  });

  it('answers 400 for a limit over 100', async () => {
    const target = await orderAppWithUserService(200, activeUser);
    const response = await target.inject({ url: '/orders?limit=101' });
    expect(response.statusCode).toBe(400);
  });
});

describe('unknown routes', () => {
  it('answers 404 ROUTE_NOT_FOUND in the error shape', async () => {
    const target = await orderAppWithUserService(200, activeUser);
    const response = await target.inject({ url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      code: OrderErrorCodes.routeNotFound,
      error: 'Not Found',
      message: 'No route for GET /nope',
    });
  });
});

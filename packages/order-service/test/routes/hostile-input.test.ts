import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOrderApp } from '../helpers/order-app.ts';
import { activeUser, type StubServer, sendJson, startStubServer } from '../helpers/stub-server.ts';

// Inputs a naive schema check lets through, that then reach the database or UserService: non-finite or imprecise
// numbers, ids UserService cannot have, prices whose total no integer holds, and NUL.

let app: FastifyInstance | undefined;
let stub: StubServer | undefined;
afterEach(async () => {
  await app?.close();
  await stub?.close();
  app = undefined;
  stub = undefined;
});

async function orderApp(): Promise<FastifyInstance> {
  stub = await startStubServer((_req, res) => sendJson(res, 200, activeUser));
  app = await buildOrderApp(stub.url);
  return app;
}

function summary(body: { code: string; details?: { location: string; path: string }[] }) {
  return { code: body.code, where: body.details?.map((d) => `${d.location}${d.path}`) };
}

const item = { sku: 'BOOK-1', quantity: 1, unitPrice: 1250 };

describe('OrderService refuses what no column or UserService can take', () => {
  it.each([
    ['/orders/Infinity', 'params/id'],
    ['/orders/1e400', 'params/id'],
    ['/orders/9007199254740993', 'params/id'],
    ['/orders?limit=Infinity', 'querystring/limit'],
    ['/orders?userId=Infinity', 'querystring/userId'],
    ['/orders?userId=2147483648', 'querystring/userId'],
  ])('GET %s is 400 VALIDATION_FAILED', async (url, where) => {
    const target = await orderApp();
    const response = await target.inject({ url });
    expect({ statusCode: response.statusCode, ...summary(response.json()) }).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      where: [where],
    });
  });

  it.each([
    ['a userId beyond UserService’s ids', { userId: 2_147_483_648, items: [item] }, 'body/userId'],
    ['a userId of 2^53', { userId: 2 ** 53, items: [item] }, 'body/userId'],
    [
      'a price whose total no integer holds',
      { userId: 42, items: [{ ...item, unitPrice: 1e300 }] },
      'body/items/0/unitPrice',
    ],
    ['a sku with NUL', { userId: 42, items: [{ ...item, sku: 'BOOK\u00001' }] }, 'body/items/0/sku'],
  ])('POST /orders with %s is 400, asks UserService nothing and stores nothing', async (_case, payload, where) => {
    const target = await orderApp();
    const response = await target.inject({ method: 'POST', url: '/orders', payload });
    expect({ statusCode: response.statusCode, ...summary(response.json()) }).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      where: [where],
    });
    expect(stub?.requests).toEqual([]);
    expect((await target.inject({ url: '/orders?limit=100' })).json()).toEqual({ items: [] });
  });
});

describe('URLs the router cannot take apart', () => {
  it.each([
    ['/orders/%zz', 400, 'MALFORMED_URL'],
    [`/orders/${'1'.repeat(101)}`, 414, 'URL_TOO_LONG'],
  ])('answers %s with %i %s in the error shape', async (url, statusCode, code) => {
    const target = await orderApp();
    const response = await target.inject({ url });
    expect(response.statusCode).toBe(statusCode);
    expect(response.json()).toEqual({ statusCode, code, error: expect.any(String), message: expect.any(String) });
  });
});

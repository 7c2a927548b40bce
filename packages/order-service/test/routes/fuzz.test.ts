import { isDeepStrictEqual } from 'node:util';
import {
  contentType,
  errorShapeProblem,
  fuzzParameters,
  headerValue,
  hostileString,
  jsonBody,
  numberLikeString,
  percentEncode,
  prototypeKeys,
  queryString,
} from '@contract-kit/service-common/testing';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderErrorCodes } from '../../src/errors.ts';
import { buildOrderApp } from '../helpers/order-app.ts';
import { activeUser, type StubServer, sendJson, startStubServer } from '../helpers/stub-server.ts';

// Generated requests to OrderService's routes, seeded and bounded, against a UserService that behaves (users 1-5,
// user 5 suspended, 404 for the rest): no answer is a 5xx, every error is in the documented shape with a documented
// code, no 4xx stores anything, and nothing reaches Object.prototype.

let app: FastifyInstance;
let userService: StubServer;

beforeAll(async () => {
  userService = await startStubServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const known = (id: number) => id >= 1 && id <= 5;
    const user = (id: number) => ({ ...activeUser, id, status: id === 5 ? 'suspended' : 'active' });
    if (url.pathname === '/users') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number).filter(known);
      return sendJson(res, 200, { items: ids.map(user), total: ids.length, limit: 100, offset: 0 });
    }
    const id = Number(url.pathname.split('/').pop());
    if (known(id)) return sendJson(res, 200, user(id));
    return sendJson(res, 404, { statusCode: 404, code: 'USER_NOT_FOUND', error: 'Not Found', message: 'none' });
  });
  app = await buildOrderApp(userService.url);
});

afterAll(async () => {
  await app.close();
  await userService.close();
});

const codes = new Set<string>(Object.values(OrderErrorCodes));

/** A number that is usually in `[min, max]`, and sometimes any integer or double at all. */
function mostlyBetween(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
  );
}

/** Usually right, so that requests get past validation and reach UserService and the database. */
function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: fc.oneof(hostileString, jsonBody) });
}

const item = fc.record(
  {
    sku: mostly(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('BOOK-1', 'PEN-9', 'é') },
        { weight: 1, arbitrary: hostileString },
      ),
    ),
    quantity: mostly(mostlyBetween(1, 10_000)),
    unitPrice: mostly(mostlyBetween(0, 100_000_000)),
  },
  { requiredKeys: ['sku', 'quantity', 'unitPrice'] },
);

const orderBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      userId: mostly(mostlyBetween(1, 7)),
      items: mostly(fc.array(item, { minLength: 1, maxLength: 3 })),
    }),
  },
  { weight: 1, arbitrary: jsonBody },
);

const payload = fc.oneof(
  {
    weight: 5,
    arbitrary: orderBody.map((body) => ({ text: JSON.stringify(body) ?? 'null', type: 'application/json' })),
  },
  { weight: 1, arbitrary: fc.record({ text: fc.oneof(hostileString, fc.constant('{"userId":')), type: contentType }) },
  { weight: 1, arbitrary: fc.record({ text: orderBody.map((body) => JSON.stringify(body) ?? ''), type: contentType }) },
);

const id = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }).map(String) },
  { weight: 3, arbitrary: numberLikeString.map(percentEncode) },
  { weight: 1, arbitrary: hostileString.map(percentEncode) },
);

const queryEntry = fc.tuple(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('userId', 'limit') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'limit[]', 'x') },
  ),
  fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 120 }).map(String) },
    { weight: 1, arbitrary: numberLikeString },
    { weight: 1, arbitrary: hostileString },
  ),
);

interface GeneratedRequest {
  method: string;
  url: string;
  body?: { text: string; type: string | undefined };
}

const request: fc.Arbitrary<GeneratedRequest> = fc.oneof(
  { weight: 3, arbitrary: payload.map((body) => ({ method: 'POST', url: '/orders', body })) },
  id.map((i) => ({ method: 'GET', url: `/orders/${i}` })),
  queryString(queryEntry).map((q) => ({ method: 'GET', url: `/orders?${q}` })),
  fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
      fc.constantFrom('/orders', '/orders/1', '/health', '/', '/orders/1/x'),
      fc.option(payload, { nil: undefined }),
    )
    .map(([method, url, body]) => ({ method, url, ...(body ? { body } : {}) })),
);

const headers = fc.dictionary(fc.constantFrom('accept', 'x-request-id', 'cookie', 'authorization'), headerValue, {
  maxKeys: 2,
});

function injectOptions(generated: GeneratedRequest, extra: Record<string, string>): InjectOptions {
  const all = { ...extra, ...(generated.body?.type === undefined ? {} : { 'content-type': generated.body.type }) };
  return {
    method: generated.method as InjectOptions['method'],
    url: generated.url,
    headers: all,
    ...(generated.body ? { payload: generated.body.text } : {}),
  };
}

/** Every stored order: only users 1-4 can have any (5 is suspended, the rest unknown), and orders are never changed. */
async function allOrders() {
  const orders = [];
  for (let userId = 1; userId <= 4; userId += 1) orders.push(...(await app.orders.ordersOfUser(userId, 100)));
  return orders;
}

describe('OrderService under generated requests', () => {
  it('never answers 5xx, answers every error in the documented shape, and stores nothing on a 4xx', async () => {
    const prototypeBefore = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(request, headers, async (generated, extra) => {
        const before = await allOrders();
        const response = await app.inject(injectOptions(generated, extra));

        expect(response.statusCode, response.payload).toBeLessThan(500);
        if (response.statusCode >= 400) {
          if (generated.method !== 'HEAD') {
            expect(errorShapeProblem(response.statusCode, response.headers, response.payload, codes)).toBeUndefined();
          }
          expect(isDeepStrictEqual(await allOrders(), before)).toBe(true);
        }
        expect(prototypeKeys()).toEqual(prototypeBefore);
      }),
      fuzzParameters(200),
    );
    // The run placed orders, so it got past validation and through UserService, not only into 400s.
    expect((await allOrders()).length).toBeGreaterThan(0);
  });
});

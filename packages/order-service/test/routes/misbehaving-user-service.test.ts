import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderErrorCodes } from '../../src/errors.ts';
import {
  floodingServer,
  lyingEncodingServer,
  redirectingServer,
  silentTcpServer,
  tricklingServer,
} from '../helpers/misbehaving-server.ts';
import { buildOrderApp } from '../helpers/order-app.ts';
import { closedPortUrl } from '../helpers/stub-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function orderApp(userServiceUrl: string, timeoutMs = 2_000): Promise<FastifyInstance> {
  const app = await buildOrderApp(userServiceUrl, { timeoutMs });
  cleanups.unshift(() => app.close());
  return app;
}

function track<T extends { close(): Promise<void> }>(server: T): T {
  cleanups.push(() => server.close());
  return server;
}

const order = { userId: 42, items: [{ sku: 'BOOK-1', quantity: 1, unitPrice: 1250 }] };

/** Places an order and checks that a refused one left nothing behind. */
async function placeOrder(app: FastifyInstance) {
  const response = await app.inject({ method: 'POST', url: '/orders', payload: order });
  const stored = (await app.inject({ url: '/orders?userId=42' })).json().items;
  return { statusCode: response.statusCode, body: response.json(), stored };
}

const unavailable = (message: string) => ({
  statusCode: 503,
  body: { statusCode: 503, code: OrderErrorCodes.userServiceUnavailable, error: 'Service Unavailable', message },
  stored: [],
});

const badResponse = (message: string) => ({
  statusCode: 502,
  body: { statusCode: 502, code: OrderErrorCodes.userServiceBadResponse, error: 'Bad Gateway', message },
  stored: [],
});

describe('POST /orders with a misbehaving UserService', () => {
  it('refuses: 503', async () => {
    const app = await orderApp(await closedPortUrl());
    expect(await placeOrder(app)).toEqual(
      unavailable('UserService could not be reached while fetching user 42; try again shortly'),
    );
  });

  it('hangs before a byte: 503', async () => {
    const server = track(await silentTcpServer());
    const app = await orderApp(server.url, 200);
    expect(await placeOrder(app)).toEqual(
      unavailable('UserService did not answer in time while fetching user 42; try again shortly'),
    );
  });

  it('sends headers at once and then the body one byte per 100 ms: 503, not an order built from it', async () => {
    const server = track(await tricklingServer({ intervalMs: 100, totalBytes: 1_000 }));
    const app = await orderApp(server.url, 500);
    expect(await placeOrder(app)).toEqual(
      unavailable('UserService did not answer in time while fetching user 42; try again shortly'),
    );
  });

  it('floods with 60 MB: 502, the answer is not read whole', async () => {
    const server = track(await floodingServer(60 * 1024 * 1024));
    const app = await orderApp(server.url, 10_000);
    expect(await placeOrder(app)).toEqual(
      badResponse('UserService answered user 42 with more than 1048576 bytes, the most OrderService reads'),
    );
    expect(server.bodyBytesSent).toBeLessThan(60 * 1024 * 1024);
  });

  it('redirects to another port: 502, the redirect is not followed', async () => {
    const servers = track(await redirectingServer(302));
    const app = await orderApp(servers.redirector.url);
    expect(await placeOrder(app)).toEqual(
      badResponse(
        'UserService answered user 42 with a redirect (302), which OrderService does not follow: check USER_SERVICE_URL',
      ),
    );
    expect(servers.target.requests).toEqual([]);
  });

  it('claims gzip and sends plain JSON: 502', async () => {
    const server = track(await lyingEncodingServer('gzip'));
    const app = await orderApp(server.url);
    expect(await placeOrder(app)).toEqual(
      badResponse('UserService answered user 42 with a body that is not valid gzip'),
    );
  });
});

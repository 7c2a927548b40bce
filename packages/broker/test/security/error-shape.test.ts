import { connect } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBrokerErrorHandling } from '../../src/http/error-handler.ts';
import { encodeHeaders } from '../../src/http/headers.ts';
import { type RunningBroker, startBroker } from '../../src/start.ts';
import { testBroker } from '../helpers/broker.ts';

/** Writes raw bytes to the broker and returns the raw answer (status line, headers, body). */
function raw(broker: RunningBroker, bytes: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(broker.url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(bytes));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
  });
}

const errorShape = (statusCode: number, code: string) => ({
  statusCode,
  code,
  error: expect.any(String),
  message: expect.any(String),
});

describe('answers outside the routes, in the one error shape', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testBroker();
  });
  afterAll(() => app.close());

  it('answers a known resource asked with the wrong method with 405 and Allow', async () => {
    const get = await app.inject('/contracts/publish');
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json()).toEqual({
      statusCode: 405,
      code: 'BROKER_METHOD_NOT_ALLOWED',
      error: 'Method Not Allowed',
      message: '/contracts/publish does not accept GET; it accepts POST',
      details: { allowed: ['POST'] },
    });
    const del = await app.inject({ method: 'DELETE', url: '/matrix?q[][pacticipant]=Foo' });
    expect(del.statusCode).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD');
    const options = await app.inject({ method: 'OPTIONS', url: '/pacticipants/Foo' });
    expect(options.headers.allow).toBe('GET, HEAD, PUT, PATCH, DELETE');
    const webhook = await app.inject('/webhooks/provider/Bar/consumer/Foo');
    expect(webhook.headers.allow).toBe('POST');
  });

  it('still answers 404 ROUTE_NOT_FOUND for a URL no route has', async () => {
    const response = await app.inject('/no/such/thing');
    expect(response.json()).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      error: 'Not Found',
      message: 'No route for GET /no/such/thing',
    });
  });

  it('answers a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await app.inject({
        method: 'POST',
        url: '/pacticipants',
        headers: { 'content-type': contentType },
        payload: 'name=Foo',
      });
      expect(response.statusCode, contentType).toBe(415);
      expect(response.json()).toEqual({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        error: 'Unsupported Media Type',
        message:
          "The body's Content-Type is not JSON; send it as application/json, application/hal+json or application/merge-patch+json",
      });
    }
  });

  it('answers a body that is not UTF-8 with 400 MALFORMED_BODY', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/pacticipants',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
    });
    expect(response.json()).toEqual(errorShape(400, 'MALFORMED_BODY'));
  });
});

describe('a 5xx', () => {
  it('says nothing about its cause, whatever threw', async () => {
    const app = Fastify();
    registerBrokerErrorHandling(app);
    app.addHook('onSend', encodeHeaders);
    app.get('/crash', async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /srv/broker/broker.sqlite');
    });
    app.get('/bad-header', async (_request, reply) => {
      reply.header('X-Pact-Consumer-Version', 'версия-1');
      return { ok: true };
    });
    try {
      const crash = await app.inject('/crash');
      expect(crash.json()).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        error: 'Internal Server Error',
        message: 'Something went wrong on our side; it has been logged.',
      });
      const header = await app.inject('/bad-header');
      expect(header.statusCode).toBe(200);
      expect(header.headers['x-pact-consumer-version']).toBe('%D0%B2%D0%B5%D1%80%D1%81%D0%B8%D1%8F-1');
    } finally {
      await app.close();
    }
  });
});

describe('answers Node and the router give, on a real socket', () => {
  let broker: RunningBroker;
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(() => broker.close());

  it('answers a malformed request line with 400 MALFORMED_REQUEST', async () => {
    const response = await raw(broker, 'NOT HTTP AT ALL\r\n\r\n');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual(errorShape(400, 'MALFORMED_REQUEST'));
  });

  it('answers headers over 16 KiB with 431 HEADERS_TOO_LARGE', async () => {
    const response = await raw(broker, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toEqual(errorShape(431, 'HEADERS_TOO_LARGE'));
  });

  it('answers a malformed percent-encoding in a path segment with 400 MALFORMED_URL', async () => {
    const response = await raw(broker, 'GET /pacticipants/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual(errorShape(400, 'MALFORMED_URL'));
  });

  it('closes the connection after a 413 instead of reading the rest of the body', async () => {
    const small = await startBroker({ bodyLimit: 2048 });
    try {
      const response = await raw(
        small,
        `POST /pacticipants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"name":"`,
      );
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject(errorShape(413, 'BROKER_BODY_TOO_LARGE'));
    } finally {
      await small.close();
    }
  });
});

import { connect } from 'node:net';
import { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorHandler } from './client-error-handler.ts';
import { frameworkErrors } from './error-handling.ts';
import { ClientErrorCodes, RouterErrorCodes } from './errors.ts';

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = Fastify({ clientErrorHandler, frameworkErrors, routerOptions: { maxParamLength: 20 } });
  app.get('/things/:id', async () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
afterAll(() => app.close());

function raw(bytes: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(bytes));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) });
    });
  });
}

describe('clientErrorHandler and frameworkErrors', () => {
  it.each([
    ['a request line that is not HTTP', 'NOT HTTP\r\n\r\n', 400, ClientErrorCodes.malformedRequest],
    [
      'headers over 16 KiB',
      `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      ClientErrorCodes.headersTooLarge,
    ],
    [
      'a malformed percent-encoding',
      'GET /things/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
      RouterErrorCodes.malformedUrl,
    ],
    [
      'a parameter over the length limit',
      `GET /things/${'x'.repeat(30)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      414,
      RouterErrorCodes.urlTooLong,
    ],
  ])('answers %s in the error shape', async (_what, bytes, statusCode, code) => {
    const response = await raw(bytes);
    expect(response.status).toBe(statusCode);
    expect(response.body).toEqual({ statusCode, code, error: expect.any(String), message: expect.any(String) });
  });
});

describe('clientErrorHandler on a request too slow to arrive', () => {
  it('answers 408 REQUEST_TIMEOUT and closes the socket', () => {
    // Node raises this only after its request timeout (minutes): the handler is given the error it would raise.
    let written = '';
    const socket = new Duplex({
      read() {},
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const err = Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    clientErrorHandler(err, socket);
    expect(written.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(JSON.parse(written.split('\r\n\r\n')[1] ?? '')).toEqual({
      statusCode: 408,
      code: ClientErrorCodes.requestTimeout,
      error: 'Request Timeout',
      message: 'The request did not arrive in time; send it again',
    });
    expect(socket.destroyed).toBe(true);
  });
});

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ClientErrorCodes } from './errors.ts';

interface Answer {
  statusCode: number;
  code: string;
  message: string;
}

function answerFor(err: NodeJS.ErrnoException): Answer {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        statusCode: 408,
        code: ClientErrorCodes.requestTimeout,
        message: 'The request did not arrive in time; send it again',
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        statusCode: 431,
        code: ClientErrorCodes.headersTooLarge,
        message: 'The request line and headers are larger than the server accepts (16 KiB); shorten the URL or headers',
      };
    default:
      return {
        statusCode: 400,
        code: ClientErrorCodes.malformedRequest,
        message: 'The request is not valid HTTP/1.1 and could not be read',
      };
  }
}

/**
 * Fastify's `clientErrorHandler` option: Node could not parse the request (a broken request line, headers too
 * large, a request that took too long), so no route, hook or error handler runs, and fastify's own answer has
 * no `code`. This one answers in the error shape; the connection cannot be reused, so it is closed. Pass it to
 * `Fastify({ clientErrorHandler })`.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = answerFor(err);
  if (socket.writable) {
    const { statusCode, code, message } = answer;
    const body = JSON.stringify({ statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message });
    socket.write(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  // Destroyed without the error: it has been answered, and re-raising it would reach an 'error' listener the
  // socket may no longer have (an uncaught exception in the server process).
  socket.destroy();
}

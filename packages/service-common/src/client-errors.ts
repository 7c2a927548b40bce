import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { CommonErrorCodes } from './errors.ts';

/**
 * Codes for what goes wrong before a request reaches any route: Node's HTTP parser gives up on the bytes
 * (`clientError`), or the router cannot use the URL. Fastify answers these itself, without a `code`; these
 * handlers answer in the one error shape instead.
 */
export const ClientErrorCodes = {
  malformedRequest: 'MALFORMED_REQUEST',
  requestTimeout: 'REQUEST_TIMEOUT',
  headersTooLarge: 'HEADERS_TOO_LARGE',
  malformedUrl: 'MALFORMED_URL',
  urlTooLong: 'URL_TOO_LONG',
} as const;

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

function errorJson({ statusCode, code, message }: Answer): string {
  return JSON.stringify({ statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message });
}

/**
 * For fastify's `clientErrorHandler`: Node could not parse the request (bad request line, headers too large, a
 * request that took too long). The connection cannot be reused, so the answer closes it.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = answerFor(err);
  if (socket.writable) {
    const body = errorJson(answer);
    socket.write(
      `HTTP/1.1 ${answer.statusCode} ${STATUS_CODES[answer.statusCode]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** For fastify's `frameworkErrors`: a URL the router cannot decode, or a path parameter over its length limit. */
export function frameworkErrors(err: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  let answer: Answer;
  if (err.code === 'FST_ERR_BAD_URL') {
    answer = {
      statusCode: 400,
      code: ClientErrorCodes.malformedUrl,
      message: 'The URL has a malformed percent-encoding; encode it as UTF-8 (RFC 3986)',
    };
  } else if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    answer = { statusCode: 414, code: ClientErrorCodes.urlTooLong, message: 'A segment of the URL is too long' };
  } else {
    request.log.error({ err }, 'request failed before routing');
    answer = {
      statusCode: 500,
      code: CommonErrorCodes.internal,
      message: 'Something went wrong on our side; it has been logged.',
    };
  }
  void reply.code(answer.statusCode).type('application/json; charset=utf-8').send(errorJson(answer));
}

/** Fastify options that put Node-level and router-level failures in the one error shape; spread into Fastify(). */
export const clientErrorOptions = {
  clientErrorHandler,
  frameworkErrors,
} satisfies Partial<FastifyServerOptions>;

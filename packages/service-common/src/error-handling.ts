import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrorCodes, RouterErrorCodes, ServiceError } from './errors.ts';

export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  details?: unknown;
}

/** JSON schema of the error body, for the `response` section of every route. */
export const errorBodySchema = {
  $id: 'ErrorBody',
  type: 'object',
  required: ['statusCode', 'code', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    error: { type: 'string' },
    message: { type: 'string' },
    details: {},
  },
} as const;

function body(statusCode: number, code: string, message: string, details?: unknown): ErrorBody {
  const error = STATUS_CODES[statusCode] ?? 'Error';
  return details === undefined ? { statusCode, code, error, message } : { statusCode, code, error, message, details };
}

/** Maps anything thrown inside a route to the one error shape. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof ServiceError) {
    return body(err.statusCode, err.code, err.message, err.details);
  }
  const fastifyError = err as Partial<FastifyError>;
  if (fastifyError.validation) {
    const details = fastifyError.validation.map((issue) => ({
      location: fastifyError.validationContext ?? 'request',
      path: issue.instancePath,
      keyword: issue.keyword,
      params: issue.params,
      message: issue.message ?? 'is invalid',
    }));
    return body(400, CommonErrorCodes.validationFailed, fastifyError.message ?? 'Invalid request', details);
  }
  // The router's own refusals, before any route matched.
  if (fastifyError.code === 'FST_ERR_BAD_URL') {
    return body(
      400,
      RouterErrorCodes.malformedUrl,
      'The URL path is not valid percent-encoding: each "%" must be followed by two hexadecimal digits',
    );
  }
  if (fastifyError.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return body(414, RouterErrorCodes.urlTooLong, 'A segment of the URL path is longer than 100 characters');
  }
  const statusCode = fastifyError.statusCode;
  if (statusCode === 415) {
    return body(415, CommonErrorCodes.unsupportedMediaType, fastifyError.message ?? 'Unsupported media type');
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    // Fastify's own 4xx (malformed JSON, empty body, body too large): the message is safe to show.
    return body(statusCode, CommonErrorCodes.malformedBody, fastifyError.message ?? 'Bad request');
  }
  return body(500, CommonErrorCodes.internal, 'Something went wrong on our side; it has been logged.');
}

function send(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const payload = toErrorBody(err);
  if (payload.statusCode >= 500) {
    request.log.error({ err }, 'request failed');
  } else {
    request.log.info({ code: payload.code, statusCode: payload.statusCode }, payload.message);
  }
  return reply.code(payload.statusCode).type('application/json; charset=utf-8').send(payload);
}

/**
 * Fastify's `frameworkErrors` option: the router refuses some URLs (bad percent-encoding, a path segment over
 * `maxParamLength`) before any route or error handler runs, and would answer in its own shape. Pass it to
 * `Fastify({ frameworkErrors })`; it cannot be installed afterwards.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  send(err, request, reply);
}

/**
 * Installs the error and not-found handlers. 5xx responses never carry internals: the real error is
 * logged with the request's id so an operator can find it.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  if (!app.getSchemas().ErrorBody) app.addSchema(errorBodySchema);

  app.setErrorHandler((err, request, reply) => send(err, request, reply));

  app.setNotFoundHandler((request, reply) => {
    const payload = body(404, CommonErrorCodes.routeNotFound, `No route for ${request.method} ${request.url}`);
    return reply.code(404).type('application/json; charset=utf-8').send(payload);
  });
}

import {
  CommonErrorCodes,
  frameworkErrors,
  RouterErrorCodes,
  ServiceError,
  toErrorBody,
} from '@contract-kit/service-common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BodyTooLargeError, BrokerValidationError, MethodNotAllowedError, RouteNotFoundError } from '../errors.ts';
import { errorContentType, wantsProblemJson } from './negotiation.ts';

const JSON_MEDIA_TYPES = 'application/json, application/hal+json or application/merge-patch+json';

function fieldOf(error: { instancePath?: string; params?: Record<string, unknown> }): string {
  const missing = error.params?.missingProperty;
  const path = (error.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (typeof missing === 'string') return path === '' ? missing : `${path}.${missing}`;
  return path === '' ? 'body' : path;
}

/** Fastify's own errors, in the broker's words and codes. */
function translate(err: FastifyError, bodyLimit: number): unknown {
  if (err.validation) {
    const errors: Record<string, string[]> = Object.create(null);
    for (const issue of err.validation) {
      const field = fieldOf(issue as never);
      errors[field] = [...(errors[field] ?? []), issue.message ?? 'is invalid'];
    }
    return new BrokerValidationError(errors);
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new BodyTooLargeError(bodyLimit);
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ServiceError(
      415,
      CommonErrorCodes.unsupportedMediaType,
      `The body's Content-Type is not JSON; send it as ${JSON_MEDIA_TYPES}`,
    );
  }
  return err;
}

/**
 * The RFC 9457 members a problem+json client reads, beside the broker's own error fields (which stay, so every
 * client can rely on `{ statusCode, code, error, message }`).
 */
function problemFields(body: Record<string, unknown>, root: string | undefined) {
  const code = String(body.code).toLowerCase().replace(/_/g, '-');
  return {
    type: `${(root ?? '/').replace(/\/$/, '')}/problem/${code}`,
    title: body.error,
    detail: body.message,
    status: body.statusCode,
  };
}

/** HTTP methods a route may be registered for; OPTIONS is not, so it is always a 405 on a known resource. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The broker's error handling, for every route including the heartbeat: the common
 * `{ statusCode, code, error, message }` body, plus the Pact Broker's own `errors` (and `notices` for a
 * conflict) that the official clients print. A 5xx says nothing about its cause; the log has it. An unknown URL
 * is a 404, and a known one asked with the wrong method is a 405 with `Allow`.
 */
export function registerBrokerErrorHandling(app: FastifyInstance): void {
  const bodyLimit = app.initialConfig.bodyLimit ?? 0;
  app.setErrorHandler((err: FastifyError | ServiceError, request, reply) => {
    const error = translate(err as FastifyError, bodyLimit);
    const body: Record<string, unknown> = { ...toErrorBody(error) };
    // The broker's own errors may carry the `errors` and `notices` members the official clients print.
    if (error instanceof ServiceError && 'errors' in error) body.errors = error.errors;
    if (error instanceof ServiceError && 'notices' in error) body.notices = error.notices;
    const statusCode = body.statusCode as number;
    if (statusCode >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code, statusCode }, body.message as string);
    // A 413 is sent before the body has been read: closing stops the client from sending the rest.
    if (statusCode === 413) reply.header('Connection', 'close');
    if (wantsProblemJson(request.headers.accept)) Object.assign(body, problemFields(body, request.urls?.index()));
    return reply.code(statusCode).type(errorContentType(request.headers.accept)).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const allowed = METHODS.filter((method) => app.findRoute({ method: method as 'GET', url: request.url }) !== null);
    const error =
      allowed.length > 0
        ? new MethodNotAllowedError(request.method, request.url.split('?')[0] ?? '/', allowed)
        : new RouteNotFoundError(request.method, request.url);
    if (allowed.length > 0) reply.header('Allow', allowed.join(', '));
    const body: Record<string, unknown> = { ...toErrorBody(error) };
    if (wantsProblemJson(request.headers.accept)) Object.assign(body, problemFields(body, request.urls?.index()));
    return reply.code(error.statusCode).type(errorContentType(request.headers.accept)).send(body);
  });
}

/**
 * Fastify's `frameworkErrors` for the broker: the shared answers, except that a path segment is refused past
 * the broker's own length limit (16 KiB, for pact-version metadata), which the shared message cannot know.
 */
export function brokerFrameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (err.code !== 'FST_ERR_MAX_PARAM_LENGTH') {
    frameworkErrors(err, request, reply);
    return;
  }
  const error = new ServiceError(414, RouterErrorCodes.urlTooLong, 'A segment of the URL path is longer than 16 KiB');
  void reply.code(414).type('application/json; charset=utf-8').send(toErrorBody(error));
}

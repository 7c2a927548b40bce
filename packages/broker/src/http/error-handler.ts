import { type ServiceError, toErrorBody } from '@contract-kit/service-common';
import type { FastifyError, FastifyInstance } from 'fastify';
import { BrokerValidationError, ContractConflictError } from '../errors.ts';
import { responseContentType } from './negotiation.ts';

function fieldOf(error: { instancePath?: string; params?: Record<string, unknown> }): string {
  const missing = error.params?.missingProperty;
  const path = (error.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (typeof missing === 'string') return path === '' ? missing : `${path}.${missing}`;
  return path === '' ? 'body' : path;
}

/**
 * The broker's error handler: the common `{ statusCode, code, error, message }` body, plus the Pact Broker's own
 * `errors` (and `notices` for a conflict) that the official clients print. Schema validation failures become
 * `errors` keyed by field.
 */
export function registerBrokerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ServiceError, request, reply) => {
    let error: unknown = err;
    if ((err as FastifyError).validation) {
      const errors: Record<string, string[]> = {};
      for (const issue of (err as FastifyError).validation ?? []) {
        const field = fieldOf(issue as never);
        errors[field] = [...(errors[field] ?? []), issue.message ?? 'is invalid'];
      }
      error = new BrokerValidationError(errors);
    }
    const body: Record<string, unknown> = { ...toErrorBody(error) };
    if (error instanceof BrokerValidationError || error instanceof ContractConflictError) body.errors = error.errors;
    if (error instanceof ContractConflictError) body.notices = error.notices;
    const statusCode = body.statusCode as number;
    if (statusCode >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code, statusCode }, body.message as string);
    return reply.code(statusCode).type(responseContentType(request.headers.accept)).send(body);
  });
}

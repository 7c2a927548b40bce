import { toErrorBody } from '@contract-kit/service-common';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthConfig } from '../config.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { HAL_CONTENT_TYPE } from '../hal.ts';
import { authEnabled, authorize, challenges } from './authorize.ts';

const PUBLIC_PATHS = new Set(['/diagnostic/status/heartbeat']);

/** Checks every request's credentials when auth is configured; off otherwise. */
export const authPlugin = fp<{ auth: AuthConfig | undefined }>(async (app: FastifyInstance, { auth }) => {
  if (!authEnabled(auth)) return;
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (PUBLIC_PATHS.has(path)) return;
    const decision = authorize(auth, request.method, path, request.headers.authorization);
    if (decision === 'allowed') return;
    if (decision === 'unauthenticated') {
      reply.header('WWW-Authenticate', challenges(auth));
      return reply.code(401).type(HAL_CONTENT_TYPE).send(toErrorBody(new UnauthorizedError()));
    }
    return reply
      .code(403)
      .type(HAL_CONTENT_TYPE)
      .send(toErrorBody(new ForbiddenError(request.method)));
  });
});

import { toErrorBody } from '@contract-kit/service-common';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthConfig } from '../config.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { HAL_CONTENT_TYPE } from '../hal.ts';
import { authEnabled, authorize, challenges } from './authorize.ts';
import { checkRoutePolicy, requiredAccess } from './policy.ts';

/**
 * Every route must be in the policy table (checked as routes are added, auth on or off); with credentials
 * configured, every request is checked against the entry of the route fastify matched.
 */
export const authPlugin = fp<{ auth: AuthConfig | undefined }>(async (app: FastifyInstance, { auth }) => {
  app.addHook('onRoute', (route) => checkRoutePolicy(route.method, route.url));
  if (!authEnabled(auth)) return;
  app.addHook('onRequest', async (request, reply) => {
    // Fail closed: a matched route without an entry cannot get here (checkRoutePolicy), but would need write.
    const access = requiredAccess(request.method, request.routeOptions.url) ?? 'write';
    const decision = authorize(auth, access, request.headers.authorization);
    if (decision === 'allowed') return;
    if (decision === 'unauthenticated') {
      reply.header('WWW-Authenticate', challenges(auth));
      return reply.code(401).type(HAL_CONTENT_TYPE).send(toErrorBody(new UnauthorizedError()));
    }
    return reply
      .code(403)
      .type(HAL_CONTENT_TYPE)
      .send(toErrorBody(new ForbiddenError(request.method, request.routeOptions.url ?? request.url)));
  });
});

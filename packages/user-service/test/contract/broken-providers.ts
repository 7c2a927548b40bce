import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import userService from '../../src/contract/provider.ts';
import { issueToken } from '../../src/index.ts';

type Json = Record<string, unknown>;

/**
 * The real UserService with one deliberate change to what it sends, applied on the way out, so
 * the contract-failure proof can show which changes the consumers' pacts catch.
 */
export function changedResponses(
  change: (body: Json, context: { request: FastifyRequest; reply: FastifyReply }) => Json,
): () => Promise<FastifyInstance> {
  return async () => {
    const app = await userService.app!();
    app.addHook('onSend', async (request, reply, payload) => {
      if (typeof payload !== 'string' || !String(reply.getHeader('content-type')).includes('json')) return payload;
      return JSON.stringify(change(JSON.parse(payload) as Json, { request, reply }));
    });
    return app;
  };
}

/** Applies `change` to every user object a response carries (one user, or a page of them). */
export function changedUsers(change: (user: Json) => Json): () => Promise<FastifyInstance> {
  return changedResponses((body) => {
    if (Array.isArray(body.items)) return { ...body, items: body.items.map((u) => change(u as Json)) };
    return 'email' in body ? change(body) : body;
  });
}

export function changedHeaders(change: (reply: FastifyReply) => void): () => Promise<FastifyInstance> {
  return async () => {
    const app = await userService.app!();
    app.addHook('onSend', async (_request, reply, payload) => {
      change(reply);
      return payload;
    });
    return app;
  };
}

/** Auth no longer enforced: a refused request is answered as if it had carried a full token. */
export function authNotEnforced(): () => Promise<FastifyInstance> {
  return async () => {
    const app = await userService.app!();
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode !== 401 && reply.statusCode !== 403) return payload;
      const token = await issueToken(app.db, { scopes: ['users:read', 'users:write'] });
      const replay = await app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: { authorization: `Bearer ${token}` },
      });
      reply.code(replay.statusCode);
      return replay.body;
    });
    return app;
  };
}

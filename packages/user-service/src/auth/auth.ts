import type { FastifyInstance } from 'fastify';
import { AuthError, AuthScopeMissingError, AuthTokenInvalidError, AuthTokenMissingError } from '../errors.ts';
import type { Scope } from '../types.ts';
import type { TokensRepository } from './tokens-repository.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a bearer token needs for this route; routes without one are public. */
    scope?: Scope;
  }
}

const bearer = /^Bearer[ \t]+(\S*)[ \t]*$/i;

/** Returns the token of an `Authorization: Bearer <token>` header, or undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  const token = header?.match(bearer)?.[1];
  return token ? token : undefined;
}

export async function authorize(tokens: TokensRepository, header: string | undefined, scope: Scope): Promise<void> {
  const token = bearerToken(header);
  if (token === undefined) throw new AuthTokenMissingError();
  const granted = await tokens.findScopes(token);
  if (granted === undefined) throw new AuthTokenInvalidError();
  if (!granted.includes(scope)) throw new AuthScopeMissingError(scope);
}

/**
 * Checks the bearer token of every route that declares `config: { scope }`. Installed on the root
 * instance before the route plugins so that it covers them; it runs on `onRequest`, so a caller
 * without a valid token learns nothing about validation or the data.
 */
export function registerAuth(app: FastifyInstance, tokens: TokensRepository): void {
  app.addHook('onRequest', async (request, reply) => {
    const { scope } = request.routeOptions.config;
    if (scope === undefined) return;
    try {
      await authorize(tokens, request.headers.authorization, scope);
    } catch (err) {
      if (err instanceof AuthError) reply.header('www-authenticate', err.challenge);
      throw err;
    }
  });
}

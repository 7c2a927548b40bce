import { defineStates } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import { issueToken, seedUser, seedUsers } from '../seed/seed.ts';
import type { Scope, UserStatus } from '../types.ts';

/**
 * UserService's provider states, built on its own seeding functions. Each interaction starts on an
 * empty database (contract-kit cleans it first), so a state only adds what it names.
 */
export function userServiceStates(app: FastifyInstance) {
  return defineStates({
    'a user exists': async (params: { id?: number; status?: UserStatus; name?: string; email?: string }) => {
      const user = await seedUser(app.db, {
        ...(params.id === undefined ? {} : { id: params.id }),
        ...(params.name === undefined ? {} : { name: params.name }),
        ...(params.email === undefined ? {} : { email: params.email }),
        status: params.status ?? 'active',
      });
      // Values for the pact's fromProviderState expressions, e.g. `/users/${id}`.
      return { id: user.id, email: user.email };
    },

    'users exist': async (params: { ids: number[] }) => {
      await seedUsers(
        app.db,
        params.ids.map((id) => ({ id })),
      );
    },

    'no user exists': async (params: { id?: number }) => {
      if (params.id !== undefined && (await app.users.findById(params.id))) {
        throw new Error(`user ${params.id} exists although the database was just cleaned`);
      }
    },

    'a token exists': async (params: { token: string; scopes: Scope[] }) => {
      await issueToken(app.db, { token: params.token, scopes: params.scopes, name: 'provider state' });
    },
  });
}

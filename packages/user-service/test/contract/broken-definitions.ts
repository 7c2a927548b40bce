import { defineProvider, type ProviderDefinition } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import userService from '../../src/contract/provider.ts';
import { authNotEnforced, changedHeaders, changedResponses, changedUsers } from './broken-providers.ts';

// Deliberately broken UserServices as named provider definitions, so that verification workers
// can load them by name: the sharding equivalence test runs each sharded and unsharded.
function broken(
  exportName: string,
  app: ProviderDefinition<FastifyInstance>['app'],
): ProviderDefinition<FastifyInstance> {
  return defineProvider({ ...userService, app, module: import.meta.url, exportName });
}

export const renamedField = broken(
  'renamedField',
  changedUsers(({ name, ...rest }) => ({ ...rest, fullName: name })),
);
export const idAsString = broken(
  'idAsString',
  changedUsers((user) => ({ ...user, id: String(user.id) })),
);
export const goneInsteadOfNotFound = broken(
  'goneInsteadOfNotFound',
  changedResponses((body, { reply }) => {
    if (reply.statusCode === 404) reply.code(410);
    return body;
  }),
);
export const plainText = broken(
  'plainText',
  changedHeaders((reply) => reply.header('content-type', 'text/plain')),
);
export const authOff = broken('authOff', authNotEnforced());

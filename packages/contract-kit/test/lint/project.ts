import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pacts the project's consumer tests write, and UserService's generated OpenAPI document. */
export const pactDir = fileURLToPath(new URL('../../../../pacts/', import.meta.url));
export const projectPacts = readdirSync(pactDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => join(pactDir, name))
  .sort();
export const userServiceOpenApi = fileURLToPath(new URL('../../../user-service/openapi.json', import.meta.url));

/**
 * UserService's provider states, written out because contract-kit does not depend on UserService;
 * packages/user-service/test/contract/lint.test.ts lints with the states its definition registers.
 */
export const userServiceStates = ['a token exists', 'a user exists', 'no user exists', 'users exist'];

/** UserService's message producers, by description, written out for the same reason. */
export const userServiceMessages = [
  'a user.deleted event',
  'a user.email-changed event',
  'a user.reactivated event',
  'a user.suspended event',
];

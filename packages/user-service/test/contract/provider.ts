import { defineProvider } from 'contract-kit/provider';
import { buildApp, issueToken, resetDatabase } from '../../src/index.ts';
import { userServiceStates } from './provider-states.ts';

/**
 * UserService as contract-kit verifies it: the real app on its own in-memory SQLite database,
 * its provider states, an empty database before every interaction, and a real token in place of
 * the pacts' placeholder. `contract-kit verify --provider` loads this file.
 */
export default defineProvider({
  provider: 'UserService',
  // Lets verification start one worker per core, each building its own UserService from this file.
  module: import.meta.url,
  app: () => buildApp({ database: { url: ':memory:' } }),
  states: userServiceStates,
  cleanState: (app) => resetDatabase(app.db),
  issueToken: (app) => issueToken(app.db, { scopes: ['users:read'], name: 'contract verification' }),
});

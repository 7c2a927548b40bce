import { defineProvider } from 'contract-kit/provider';
import { buildApp, issueToken, resetDatabase } from '../../src/index.ts';
import { testDatabaseTarget } from '../helpers/test-database.ts';
import { userServiceStates } from './provider-states.ts';

/**
 * UserService as contract-kit verifies it: the real app on a database of its own (SQLite in memory,
 * or with DATABASE_URL a fresh PostgreSQL schema, dropped on close: every verification worker gets
 * its own), its provider states, an empty database before every interaction, and a real token in
 * place of the pacts' placeholder. `contract-kit verify --provider` loads this file.
 */
export default defineProvider({
  provider: 'UserService',
  // Lets verification start one worker per core, each building its own UserService from this file.
  module: import.meta.url,
  app: async () => {
    const target = testDatabaseTarget();
    const app = await buildApp({ database: { url: target.url, ...(target.schema ? { schema: target.schema } : {}) } });
    app.addHook('onClose', () => target.dispose());
    return app;
  },
  states: userServiceStates,
  cleanState: (app) => resetDatabase(app.db),
  issueToken: (app) => issueToken(app.db, { scopes: ['users:read'], name: 'contract verification' }),
});

import { randomBytes } from 'node:crypto';
import { dropSchema } from '@contract-kit/service-common';
import { defineProvider } from 'contract-kit/provider';
import { buildApp } from '../app.ts';
import { issueToken, resetDatabase } from '../seed/seed.ts';
import { userServiceMessages } from './provider-messages.ts';
import { userServiceStates } from './provider-states.ts';

/**
 * Where a verified UserService keeps its data: SQLite in memory, or, when DATABASE_URL is set, a
 * fresh PostgreSQL schema of its own, dropped on close (every verification worker gets its own).
 * Read here, at the edge: this module is what `contract-kit verify --provider` loads.
 */
function verificationDatabase(env: NodeJS.ProcessEnv = process.env) {
  const url = env.DATABASE_URL;
  if (!url) return { database: { url: ':memory:' }, dispose: async () => {} };
  const schema = `t_${randomBytes(8).toString('hex')}`;
  return { database: { url, schema }, dispose: () => dropSchema(url, schema) };
}

/**
 * UserService as contract-kit verifies it (`@contract-kit/user-service/provider`): the real app on a
 * database of its own, its provider states, its event producers, an empty database before every interaction, and a
 * real token in place of the pacts' placeholder.
 */
export default defineProvider({
  provider: 'UserService',
  // Lets verification start one worker per core, each building its own UserService from this file.
  module: import.meta.url,
  app: async () => {
    const target = verificationDatabase();
    const app = await buildApp({ database: target.database });
    app.addHook('onClose', () => target.dispose());
    return app;
  },
  states: userServiceStates,
  // Its events: each message description is built by the code that publishes it.
  messages: userServiceMessages,
  cleanState: (app) => resetDatabase(app.db),
  issueToken: (app) => issueToken(app.db, { scopes: ['users:read'], name: 'contract verification' }),
});

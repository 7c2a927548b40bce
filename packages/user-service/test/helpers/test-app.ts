import type { FastifyInstance } from 'fastify';
import { type AppConfig, buildApp } from '../../src/app.ts';
import { issueToken, resetDatabase } from '../../src/seed/seed.ts';
import type { UserInput } from '../../src/types.ts';
import { testDatabaseTarget } from './test-database.ts';

/** Builds the app on an isolated database (see testDatabaseTarget); closing the app removes it. */
export async function createTestApp(config: Omit<AppConfig, 'database'> = {}): Promise<FastifyInstance> {
  const target = testDatabaseTarget();
  const app = await buildApp({
    ...config,
    database: { url: target.url, ...(target.schema === undefined ? {} : { schema: target.schema }) },
  });
  app.addHook('onClose', () => target.dispose());
  return app;
}

export const tokens = {
  readWrite: 'test-token-read-write',
  read: 'test-token-read-only',
  write: 'test-token-write-only',
} as const;

/** Empties the database and stores the three tokens of `tokens`. */
export async function resetWithTokens(app: FastifyInstance): Promise<void> {
  await resetDatabase(app.db);
  await issueToken(app.db, { token: tokens.readWrite, scopes: ['users:read', 'users:write'] });
  await issueToken(app.db, { token: tokens.read, scopes: ['users:read'] });
  await issueToken(app.db, { token: tokens.write, scopes: ['users:write'] });
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export const aliceInput: UserInput = {
  name: 'Alice Example',
  email: 'alice@example.com',
  address: { street: '12 Rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' },
};

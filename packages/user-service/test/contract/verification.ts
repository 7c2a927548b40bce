import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type VerificationReport, verifyProvider } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import { buildApp, issueToken, resetDatabase } from '../../src/index.ts';
import { userServiceStates } from './provider-states.ts';

export const providerName = 'UserService';
export const pactDir = fileURLToPath(new URL('../../../../pacts', import.meta.url));

/** Every pact in `pacts/` whose provider is UserService. */
export function userServicePactFiles(dir = pactDir): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
    .filter(
      (file) =>
        (JSON.parse(readFileSync(file, 'utf8')) as { provider?: { name?: string } }).provider?.name === providerName,
    )
    .sort();
}

/** The real UserService on its own in-memory SQLite database (PostgreSQL when `DATABASE_URL` says so). */
export function buildVerifiedApp(): Promise<FastifyInstance> {
  return buildApp({ database: { url: ':memory:' } });
}

export interface VerifyUserServiceOptions {
  pactFiles?: string[];
  /** Replaces the provider, e.g. with a deliberately broken one in the contract-failure proof. */
  app?: () => Promise<FastifyInstance>;
}

export function verifyUserService(options: VerifyUserServiceOptions = {}): Promise<VerificationReport> {
  return verifyProvider({
    provider: providerName,
    app: options.app ?? buildVerifiedApp,
    states: userServiceStates,
    cleanState: (app) => resetDatabase(app.db),
    issueToken: (app) => issueToken(app.db, { scopes: ['users:read'], name: 'contract verification' }),
    source: { pactFiles: options.pactFiles ?? userServicePactFiles() },
  });
}

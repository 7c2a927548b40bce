import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPactFiles } from 'contract-kit';
import { type PactSource, type VerificationReport, verifyProvider } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import userService from '../../src/contract/provider.ts';

/** `pacts/` at the repository root, or PACT_DIR (as contract-kit's commands read it). */
export const pactDir = process.env.PACT_DIR
  ? resolve(process.env.PACT_DIR)
  : fileURLToPath(new URL('../../../../pacts', import.meta.url));

/** Every pact in `pacts/` whose provider is UserService. */
export function userServicePactFiles(dir = pactDir): string[] {
  return findPactFiles(dir, { provider: userService.provider });
}

export interface VerifyUserServiceOptions {
  /** Local pact files (default: UserService's pacts in `pacts/`), or any other source. */
  pactFiles?: string[];
  source?: PactSource;
  /** Replaces the provider, e.g. with a deliberately broken one in the contract-failure proof. */
  app?: () => Promise<FastifyInstance>;
}

export function verifyUserService(options: VerifyUserServiceOptions = {}): Promise<VerificationReport> {
  return verifyProvider({
    ...userService,
    ...(options.app ? { app: options.app } : {}),
    source: options.source ?? { pactFiles: options.pactFiles ?? userServicePactFiles() },
  });
}

export { syntheticPact } from './synthetic-pact.ts';
export { userService };

import { Agent } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactV4 } from '@pact-foundation/pact';
import axios from 'axios';
import { createConsumerPact, placeholderToken } from 'contract-kit/consumer';
import { UserServiceClient } from '../../src/user-service-client/index.ts';

/** `pacts/` at the repository root, or PACT_DIR (as contract-kit's commands read it). */
export const pactDir = process.env.PACT_DIR
  ? resolve(process.env.PACT_DIR)
  : fileURLToPath(new URL('../../../../pacts', import.meta.url));

/**
 * The OrderService → UserService pact, written to this test file's own part. PACT_MODE=stock: plain
 * pact-js writing straight into the one file, what `npm run bench` compares the kit's consumer step with.
 */
export function userServicePact(testFile: string): PactV4 {
  const names = { consumer: 'OrderService', provider: 'UserService' };
  if (process.env.PACT_MODE === 'stock') return new PactV4({ ...names, dir: pactDir, logLevel: 'warn' });
  return createConsumerPact({ ...names, pactDir, testFile });
}

/**
 * The real client, pointed at a test's mock server. Connections are not kept alive: each test has
 * its own mock server, and a pooled socket to an earlier one (whose port may be handed out again)
 * must never carry a request.
 */
export function clientFor(url: string, token: string | null = placeholderToken): UserServiceClient {
  const http = axios.create({ httpAgent: new Agent({ keepAlive: false }) });
  return new UserServiceClient({ baseUrl: url, http, ...(token === null ? {} : { token }) });
}

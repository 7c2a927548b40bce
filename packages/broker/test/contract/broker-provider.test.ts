import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBroker } from '../../src/app.ts';
import { officialPactsDir } from './official-pacts.ts';
import { assertHandled, named, providerStates } from './provider-states.ts';
import { regroupMatrixQuery } from './query-shim.ts';
import { createSeeder } from './seed.ts';

process.env.PACT_DO_NOT_TRACK = 'true';

const PACTS = officialPactsDir;
const V2_CLIENT_PACT = `${PACTS}/Pact Broker Client V2-Pact Broker.json`;

function statesIn(file: string): string[] {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: { providerState?: string }[] };
  return pact.interactions.flatMap((i) => (i.providerState ? [i.providerState] : []));
}

/**
 * The broker verified as a provider against the official client's own contract, with provider states that seed
 * its database. The client recorded its hrefs against http://example.org, so that is the broker's base URL here.
 */
describe('the broker honours the official Pact Broker Client V2 contract', () => {
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    app = await buildBroker({ dataDir: ':memory:', baseUrl: 'http://example.org' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());

  it('verifies all 67 interactions', async () => {
    const seed = createSeeder(app);
    const handlers = named(providerStates(seed));
    assertHandled(statesIn(V2_CLIENT_PACT), handlers);
    const options: VerifierOptions = {
      provider: 'Pact Broker',
      providerBaseUrl: url,
      pactUrls: [V2_CLIENT_PACT],
      beforeEach: () => seed.reset(),
      stateHandlers: handlers,
      requestFilter: (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
        regroupMatrixQuery(req);
        next();
      },
      logLevel: 'error',
    };
    await expect(new Verifier(options).verifyProvider()).resolves.toBeDefined();
  });
});

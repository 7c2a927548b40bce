import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBroker } from '../../src/app.ts';
import { officialPactsDir } from './official-pacts.ts';
import { createSeeder } from './seed.ts';

process.env.PACT_DO_NOT_TRACK = 'true';

const PACTS = officialPactsDir;

/**
 * Interactions of the pact-reference compatibility fixtures that no real broker can satisfy (they were recorded
 * against the suite's own mock broker). Each is listed, with why, in README.md.
 */
const LEFT_OUT: Record<string, Record<string, string>> = {
  'pact-reference-pact-broker_c1.json': {
    'a request for the provider pacts':
      'expects the pact URL /pacts/provider/p/consumer/c_1 and the exact name "Pact between c_1 and p"; a broker links content-addressed /pact-version/{sha} URLs, which results are published against',
    'a request for the provider pacts link':
      "its regex '.(*\\/pacts…' is invalid (the verifier reports an Oniguruma error)",
    'a request to the root': "its regex quotes with Java's \\Q…\\E, which the verifier's regex engine does not support",
  },
  'pact-reference-pact-broker_c2.json': {
    'a request for the provider pacts':
      'expects the pact URL /pacts/provider/p/consumer/c_2, the exact name "Pact between c_2 and p" and the literal self href http://localhost:9876/pacts/provider/{provider}/for-verification',
    'a request to the root': "its regex quotes with Java's \\Q…\\E, which the verifier's regex engine does not support",
  },
};

function inScope(file: string, dir: string): { path: string; descriptions: string[] } {
  const pact = JSON.parse(readFileSync(join(PACTS, file), 'utf8')) as { interactions: { description: string }[] };
  const excluded = LEFT_OUT[file] ?? {};
  pact.interactions = pact.interactions.filter((i) => !(i.description in excluded));
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(pact));
  return { path, descriptions: pact.interactions.map((i) => i.description) };
}

/**
 * The verifier compatibility-suite fixtures from pact-reference. They carry no provider states: the broker is
 * seeded once with the pacts they refer to. The fixtures expect `application/json`; the broker serves that to a
 * client asking only for JSON (the Rust verifier asks for both), so the replay asks for it.
 */
describe('the broker honours the pact-reference compatibility-suite broker fixtures', () => {
  let app: FastifyInstance;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'broker-compat-'));

  beforeAll(async () => {
    app = await buildBroker({ dataDir: ':memory:' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    const seed = createSeeder(app);
    await seed.pact('c_1', '1.0.0', 'p');
    await seed.pact('c_2', '1.0.0', 'p');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it.each([
    ['pact-reference-pact-broker_c1.json', ['publish verification results for c_1']],
    [
      'pact-reference-pact-broker_c2.json',
      [
        'a request for the provider pacts link',
        'publish verification results for c_2',
        'publish failed verification results for c_2',
      ],
    ],
  ])('%s: every interaction in scope verifies', async (file, expected) => {
    const { path, descriptions } = inScope(file, dir);
    expect(descriptions).toEqual(expected);
    await new Verifier({
      provider: 'Pact Broker',
      providerBaseUrl: url,
      pactUrls: [path],
      requestFilter: (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
        req.headers.accept = 'application/json';
        next();
      },
      logLevel: 'error',
    }).verifyProvider();
  });
});

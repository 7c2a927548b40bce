import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsumerPact } from './create-pact.ts';

const pactDir = mkdtempSync(join(tmpdir(), 'ck-create-pact-'));
afterAll(() => rmSync(pactDir, { recursive: true, force: true }));

const status = (url: string) =>
  new Promise<number>((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });

const pactFor = (testFile: string) =>
  createConsumerPact({ consumer: 'KitConsumer', provider: 'KitProvider', pactDir, testFile });

describe('createConsumerPact', () => {
  it('passes a test once the mock server has recorded the request it answered', async () => {
    const pact = pactFor(join(pactDir, 'passing.test.ts'));
    for (let i = 0; i < 20; i += 1) {
      await pact
        .addInteraction()
        .uponReceiving(`a request for thing ${i}`)
        .withRequest('GET', `/things/${i}`)
        .willRespondWith(204)
        .executeTest(async (server) => {
          expect(await status(`${server.url}/things/${i}`)).toBe(204);
        });
    }
  });

  it('still fails a test that never sent the expected request, naming it, and records the failure', async () => {
    const pact = pactFor(join(pactDir, 'failing.test.ts'));
    const run = pact
      .addInteraction()
      .uponReceiving('a request nobody sends')
      .withRequest('GET', '/never')
      .willRespondWith(204)
      .executeTest(async () => {});
    await expect(run).rejects.toThrow(/expected but not received[\s\S]*Path: \/never/);
    const parts = join(pactDir, '.parts', 'KitConsumer-KitProvider');
    const failures = readdirSync(parts).flatMap((id) =>
      readdirSync(join(parts, id)).filter((f) => f.startsWith('failed-')),
    );
    expect(failures).toHaveLength(1);
  });
});

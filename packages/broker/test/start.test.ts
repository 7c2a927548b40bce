import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBroker } from '../src/index.ts';
import { publishBody } from './helpers/broker.ts';

describe('startBroker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broker-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('listens on a free loopback port and keeps its data in the data directory across restarts', async () => {
    const first = await startBroker({ dataDir: dir });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const published = await fetch(`${first.url}/contracts/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(publishBody({ consumer: 'Foo', version: '1' })),
    });
    expect(published.status).toBe(200);
    await first.close();

    const second = await startBroker({ dataDir: dir });
    const pact = await fetch(`${second.url}/pacts/provider/Bar/consumer/Foo/latest`);
    expect(pact.status).toBe(200);
    expect(((await pact.json()) as { _links: { self: { href: string } } })._links.self.href).toBe(
      `${second.url}/pacts/provider/Bar/consumer/Foo/version/1`,
    );
    await second.close();
  });

  it('starts empty in memory by default', async () => {
    const broker = await startBroker();
    const body = (await (await fetch(`${broker.url}/pacticipants`)).json()) as {
      _embedded: { pacticipants: unknown[] };
    };
    expect(body._embedded.pacticipants).toEqual([]);
    await broker.close();
  });
});

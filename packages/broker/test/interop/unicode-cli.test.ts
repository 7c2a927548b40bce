import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/index.ts';
import { pactBroker, pactDir, removePactDirs } from '../helpers/cli.ts';

/** The official CLI with names and versions outside Latin-1, through publish, verification and can-i-deploy. */
describe('official pact-broker CLI with Unicode names and versions', () => {
  let broker: RunningBroker;
  const consumer = 'Потребитель';
  const provider = '提供者';
  const version = 'версия-1 🚀';
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(async () => {
    removePactDirs();
    await broker.close();
  });

  it('publishes, records a verification, and can-i-deploy says yes', async () => {
    const published = await pactBroker(broker.url, [
      'publish',
      pactDir(consumer, provider, { id: 1 }),
      '--consumer-app-version',
      version,
      '--branch',
      'главная',
    ]);
    expect(published.code, published.stdout + published.stderr).toBe(0);

    const e = encodeURIComponent;
    const pact = await fetch(
      `${broker.url}/pacts/provider/${e(provider)}/consumer/${e(consumer)}/version/${e(version)}`,
    );
    expect(pact.status).toBe(200);
    expect(decodeURIComponent(pact.headers.get('x-pact-consumer-version') ?? '')).toBe(version);
    const resultsUrl = ((await pact.json()) as { _links: Record<string, { href: string }> })._links[
      'pb:publish-verification-results'
    ]?.href as string;
    const result = await fetch(resultsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ success: true, providerApplicationVersion: 'версия-2' }),
    });
    expect(result.status).toBe(201);

    const canIDeploy = await pactBroker(broker.url, [
      'can-i-deploy',
      '--pacticipant',
      consumer,
      '--version',
      version,
      '--pacticipant',
      provider,
      '--version',
      'версия-2',
    ]);
    expect(canIDeploy.code, canIDeploy.stdout + canIDeploy.stderr).toBe(0);
    expect(canIDeploy.stdout).toContain('Computer says yes');
  });
});

import { Verifier } from '@pact-foundation/pact';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/index.ts';
import { pactBroker, pactDir, removePactDirs } from '../helpers/cli.ts';

process.env.PACT_DO_NOT_TRACK = 'true';

/** The official clients with credentials, against a broker that requires them. */
describe('official clients against a broker with auth', () => {
  let broker: RunningBroker;
  let provider: FastifyInstance;
  let providerUrl: string;

  beforeAll(async () => {
    broker = await startBroker({
      auth: {
        readWrite: { username: 'ci', password: 'ci-secret' },
        readOnly: { username: 'dev', password: 'dev-secret' },
        token: 'ci-token',
      },
    });
    provider = Fastify();
    provider.get('/things/1', async () => ({ id: 1 }));
    providerUrl = await provider.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    removePactDirs();
    await provider.close();
    await broker.close();
  });

  it('CLI: publishes with basic auth, is refused without it or with read-only credentials', async () => {
    const dir = pactDir('Foo', 'Bar', { id: 1 });
    const anonymous = await pactBroker(broker.url, ['publish', dir, '--consumer-app-version', '1', '--branch', 'main']);
    expect(anonymous.code).not.toBe(0);
    const readOnly = await pactBroker(broker.url, ['publish', dir, '--consumer-app-version', '1', '--branch', 'main'], {
      PACT_BROKER_USERNAME: 'dev',
      PACT_BROKER_PASSWORD: 'dev-secret',
    });
    expect(readOnly.code).not.toBe(0);
    const writer = await pactBroker(broker.url, ['publish', dir, '--consumer-app-version', '1', '--branch', 'main'], {
      PACT_BROKER_USERNAME: 'ci',
      PACT_BROKER_PASSWORD: 'ci-secret',
    });
    expect(writer.code, writer.stdout + writer.stderr).toBe(0);
  });

  it('CLI: reads with read-only credentials and with a bearer token', async () => {
    const listed = await pactBroker(broker.url, ['list-latest-pact-versions'], {
      PACT_BROKER_USERNAME: 'dev',
      PACT_BROKER_PASSWORD: 'dev-secret',
    });
    expect(listed.code, listed.stdout).toBe(0);
    expect(listed.stdout).toContain('Foo');
    const token = await pactBroker(broker.url, ['list-latest-pact-versions'], { PACT_BROKER_TOKEN: 'ci-token' });
    expect(token.code, token.stdout).toBe(0);
  });

  it('Verifier: fetches with a token and publishes the results', async () => {
    await new Verifier({
      provider: 'Bar',
      providerBaseUrl: providerUrl,
      pactBrokerUrl: broker.url,
      pactBrokerToken: 'ci-token',
      consumerVersionSelectors: [{ mainBranch: true }],
      providerVersion: '2',
      providerVersionBranch: 'main',
      publishVerificationResult: true,
      logLevel: 'error',
    }).verifyProvider();
    const matrix = await fetch(
      `${broker.url}/matrix?q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][version]=2`,
      {
        headers: { authorization: 'Bearer ci-token' },
      },
    );
    expect(((await matrix.json()) as { summary: { deployable: boolean } }).summary.deployable).toBe(true);
  });

  it('Verifier: fails to fetch with wrong basic credentials', async () => {
    await expect(
      new Verifier({
        provider: 'Bar',
        providerBaseUrl: providerUrl,
        pactBrokerUrl: broker.url,
        pactBrokerUsername: 'ci',
        pactBrokerPassword: 'wrong',
        consumerVersionSelectors: [{ mainBranch: true }],
        logLevel: 'error',
      }).verifyProvider(),
    ).rejects.toThrow();
  });
});

import { Verifier } from '@pact-foundation/pact';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/index.ts';
import { pact, publishBody } from '../helpers/broker.ts';
import { pactBroker } from '../helpers/cli.ts';

process.env.PACT_DO_NOT_TRACK = 'true';

interface MatrixRow {
  consumer: { version: { number: string } };
  provider: { version: { number: string } | null };
  verificationResult: { success: boolean } | null;
}

/** A provider whose `/things/:id` answers `{ id }`, or a 500 when broken. */
async function startProvider(state: { broken: boolean }): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/things/:id', async (request, reply) => {
    if (state.broken) return reply.code(500).send({ error: 'broken' });
    return { id: Number(request.params.id) };
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

/** A V4 pact, as pact-js 16 writes them: the broker adds `_id`s and links, the verifier must still read it. */
const v4Pact = {
  consumer: { name: 'Qux' },
  provider: { name: 'Bar' },
  interactions: [
    {
      type: 'Synchronous/HTTP',
      key: 'b1f6c0b2',
      description: 'a request for thing 2',
      providerStates: [{ name: 'things exist' }],
      pending: false,
      request: { method: 'GET', path: '/things/2', headers: { Accept: ['application/json'] } },
      response: {
        status: 200,
        headers: { 'Content-Type': ['application/json; charset=utf-8'] },
        body: { content: { id: 2 }, contentType: 'application/json', encoded: false },
        matchingRules: { body: { '$.id': { combine: 'AND', matchers: [{ match: 'integer' }] } } },
      },
    },
  ],
  metadata: { pactSpecification: { version: '4.0' } },
};

function thingPact(id: number) {
  const base = pact('Foo', 'Bar');
  return {
    ...base,
    interactions: [
      {
        description: `a request for thing ${id}`,
        providerState: 'things exist',
        request: { method: 'GET', path: `/things/${id}` },
        response: {
          status: 200,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: { id: id === 99 ? 'not-a-number' : id },
        },
      },
    ],
  };
}

/** The pact-js Verifier (pact_ffi inside) fetching pacts from the broker and publishing results back to it. */
describe('pact-js Verifier against the broker', () => {
  let broker: RunningBroker;
  let provider: { app: FastifyInstance; url: string };
  const state = { broken: false };
  // biome-ignore lint/suspicious/noExplicitAny: assertions read whatever the broker returned
  const api = async (path: string, init?: RequestInit): Promise<any> =>
    (await fetch(`${broker.url}${path}`, init)).json();
  const publish = async (version: string, branch: string, content: unknown, consumer = 'Foo') => {
    const response = await fetch(`${broker.url}/contracts/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(publishBody({ consumer, version, branch, content })),
    });
    expect(response.status).toBe(200);
  };
  const verify = (providerVersion: string, branch = 'main') =>
    new Verifier({
      provider: 'Bar',
      providerBaseUrl: provider.url,
      pactBrokerUrl: broker.url,
      consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      includeWipPactsSince: '2020-01-01',
      providerVersion,
      providerVersionBranch: branch,
      publishVerificationResult: true,
      stateHandlers: { 'things exist': async () => undefined },
      logLevel: 'error',
    }).verifyProvider();
  const matrix = async (consumerVersion: string): Promise<MatrixRow[]> =>
    (await api(`/matrix?q[][pacticipant]=Foo&q[][version]=${consumerVersion}&q[][pacticipant]=Bar&latestby=cvpv`))
      .matrix;

  beforeAll(async () => {
    broker = await startBroker();
    provider = await startProvider(state);
    await publish('1.0.0', 'main', thingPact(1));
    await publish('3.0.0', 'main', v4Pact, 'Qux');
    // A feature-branch pact the provider cannot satisfy yet: work in progress, so it must not fail the build.
    await publish('1.1.0-feat', 'feat-x', thingPact(99));
  });
  afterAll(async () => {
    await provider.app.close();
    await broker.close();
  });

  it('verifies the selected pacts, publishes the results, and a failing WIP pact does not fail the build', async () => {
    await verify('2.0.0');
    expect((await matrix('1.0.0')).map((r) => [r.provider.version?.number, r.verificationResult?.success])).toEqual([
      ['2.0.0', true],
    ]);
    expect(
      (await matrix('1.1.0-feat')).map((r) => [r.provider.version?.number, r.verificationResult?.success]),
    ).toEqual([['2.0.0', false]]);
    const v4 = await api('/matrix?q[][pacticipant]=Qux&q[][version]=3.0.0&q[][pacticipant]=Bar&q[][version]=2.0.0');
    expect(v4.summary).toMatchObject({ deployable: true, success: 1 });
    const providerVersion = await api('/pacticipants/Bar/versions/2.0.0');
    expect(providerVersion.branches).toEqual(['main']);
    const feat = (await api('/pacts/provider/Bar/consumer/Foo/version/1.1.0-feat'))._links[
      'pb:latest-verification-results'
    ].href;
    expect(await (await fetch(feat)).json()).toMatchObject({ success: false, wip: true });
  });

  it("sets the provider's main branch from the verifier's branch, so can-i-merge has one to check", async () => {
    expect((await api('/pacticipants/Bar')).mainBranch).toBe('main');
    const merge = await pactBroker(broker.url, ['can-i-merge', '--pacticipant', 'Foo', '--version', '1.0.0']);
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
  });

  it('makes the verified pact non-pending, so breaking it now fails the build', async () => {
    const selection = await api('/pacts/provider/Bar/for-verification', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        consumerVersionSelectors: [{ mainBranch: true }],
        providerVersionBranch: 'main',
        includePendingStatus: true,
      }),
    });
    expect(selection._embedded.pacts[0].verificationProperties.pending).toBe(false);
    state.broken = true;
    try {
      await expect(verify('2.0.1')).rejects.toThrow();
    } finally {
      state.broken = false;
    }
    expect((await matrix('1.0.0')).map((r) => [r.provider.version?.number, r.verificationResult?.success])).toEqual([
      ['2.0.1', false],
      ['2.0.0', true],
    ]);
  });

  it('feeds can-i-deploy: the matrix shows the published results', async () => {
    const env = await api('/environments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'production', production: true }),
    });
    await fetch(`${broker.url}/pacticipants/Bar/versions/2.0.0/deployed-versions/environment/${env.uuid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const canIDeploy = await api('/can-i-deploy?pacticipant=Foo&version=1.0.0&environment=production');
    expect(canIDeploy.summary).toMatchObject({ deployable: true, success: 1 });
  });

  it('verifies with no provider branch configured, pending and WIP off', async () => {
    await new Verifier({
      provider: 'Bar',
      providerBaseUrl: provider.url,
      pactBrokerUrl: broker.url,
      consumerVersionSelectors: [{ mainBranch: true }],
      providerVersion: '2.0.0-nobranch',
      publishVerificationResult: true,
      stateHandlers: { 'things exist': async () => undefined },
      logLevel: 'error',
    }).verifyProvider();
    expect((await api('/pacticipants/Bar/versions/2.0.0-nobranch')).number).toBe('2.0.0-nobranch');
  });
});

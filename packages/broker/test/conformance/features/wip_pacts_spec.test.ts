import { describe, expect, it } from 'vitest';
import { pact, path } from '../../helpers/broker.ts';
import { type Client, freshBroker } from '../support.ts';

interface VerifiablePact {
  _links: { self: { href: string } };
  verificationProperties: { pending?: boolean; wip?: boolean };
}

// The brokers' clock starts on 2024-01-01 (helpers/broker.ts); the real spec's "yesterday".
const since = '2023-12-31T00:00:00.000Z';
const content1 = pact('Foo', 'Bar', ['some interaction']);
const content2 = pact('Foo', 'Bar', ['some other interaction']);
const content3 = pact('Foo', 'Bar', ['some other other interaction']);

/** The real spec's steps: Foo publishes and tags, Bar fetches its pacts, verifies one and tags its version. */
function steps(broker: Client) {
  const publishTagged = async (version: string, tag: string, content: unknown) => {
    expect((await broker.put(`/pacts/provider/Bar/consumer/Foo/version/${version}`, content)).statusCode).toBe(201);
    expect((await broker.put(`/pacticipants/Foo/versions/${version}/tags/${tag}`)).statusCode).toBe(201);
  };
  const body = (providerTag: string, consumerTag?: string) => ({
    consumerVersionSelectors: [{ tag: consumerTag ?? providerTag, latest: true, fallbackTag: 'master' }],
    providerVersionTags: [providerTag],
    includeWipPactsSince: since,
    includePendingStatus: true,
  });
  const defaultBody = {
    consumerVersionSelectors: [{ tag: 'master', latest: true }],
    providerVersionTags: ['master'],
    includeWipPactsSince: since,
    includePendingStatus: true,
  };
  const forVerification = async (request: Record<string, unknown> = defaultBody) => {
    const response = await broker.post('/pacts/provider/Bar/for-verification', request);
    expect(response.statusCode).toBe(200);
    return response.json()._embedded.pacts as VerifiablePact[];
  };
  const wip = (pacts: VerifiablePact[]) => pacts.filter((p) => p.verificationProperties.wip);
  const publishResult = async (providerVersion: string, tag: string, pactUrl: string | undefined, success: boolean) => {
    if (!pactUrl) throw new Error('no pact to verify');
    const pactResponse = await broker.get(path(pactUrl));
    const resultsUrl = pactResponse.json()._links['pb:publish-verification-results'].href as string;
    const response = await broker.post(path(resultsUrl), { success, providerApplicationVersion: providerVersion });
    expect(response.statusCode).toBe(201);
    expect((await broker.put(`/pacticipants/Bar/versions/${providerVersion}/tags/${tag}`)).statusCode).toBe(201);
  };
  const canIDeploy = async (version: string, to: string) => {
    const response = await broker.get(`/can-i-deploy?pacticipant=Foo&version=${version}&to=${to}`);
    return response.json().summary.deployable as boolean | null;
  };
  return {
    publishMaster: () => publishTagged('1', 'master', content1),
    publishFeature: (version = '2', tag = 'feat-x', content: unknown = content2) =>
      publishTagged(version, tag, content),
    mergeFeature: () => publishTagged('3', 'master', content2),
    body,
    forVerification,
    wip,
    publishResult,
    canIDeploy,
  };
}

describe('spec/features/wip_pacts_spec.rb', () => {
  const broker = freshBroker();
  const s = steps(broker);

  describe("when the includeWipPactsSince date is specified, a pact published afer the specified date, with a tag that is not specified explictly in the 'pacts for verification' request", () => {
    it('when it is first published: is included in the list of pacts to verify as a WIP pact', async () => {
      await s.publishMaster();
      await s.publishFeature();
      expect(s.wip(await s.forVerification())).toHaveLength(1);
    });

    it('when it is verified unsuccessfully: is still included as a WIP pact', async () => {
      await s.publishMaster();
      await s.publishFeature();
      await s.publishResult('2', 'master', s.wip(await s.forVerification())[0]?._links.self.href, false);
      expect(s.wip(await s.forVerification())).toHaveLength(1);
    });

    it('when it is verified successfully while included as a WIP pact: is still included as a WIP pact', async () => {
      await s.publishMaster();
      await s.publishFeature();
      const [first] = s.wip(await s.forVerification());
      expect(first?.verificationProperties.pending).toBe(true);
      await s.publishResult('2', 'master', first?._links.self.href, true);
      const wip = s.wip(await s.forVerification());
      expect(wip).toHaveLength(1);
      expect(wip[0]?.verificationProperties.pending).toBe(true);
    });

    it('when it is verified successfully when included explicitly: is no longer included as a WIP pact', async () => {
      await s.publishMaster();
      await s.publishFeature();
      const wip = s.wip(await s.forVerification());
      expect(wip).toHaveLength(1);
      await s.publishResult('2', 'master', wip[0]?._links.self.href, true);
      await s.mergeFeature();
      expect(s.wip(await s.forVerification())).toHaveLength(0);
    });

    it('a feature branching scenario: keeps being WIP until the branch is merged', async () => {
      await s.publishMaster();
      await s.publishFeature();
      expect(await s.canIDeploy('2', 'master')).not.toBe(true);
      await s.publishResult('1', 'master', s.wip(await s.forVerification())[0]?._links.self.href, true);
      expect(await s.canIDeploy('2', 'master')).toBe(true);

      const [stillWip] = s.wip(await s.forVerification());
      expect(stillWip?.verificationProperties.wip).toBe(true);
      expect(stillWip?.verificationProperties.pending).toBe(true);
      await s.publishResult('2', 'master', stillWip?._links.self.href, true);

      expect(await s.canIDeploy('2', 'master')).toBe(true);
      await s.mergeFeature();
      expect(await s.canIDeploy('3', 'master')).toBe(true);
      expect(s.wip(await s.forVerification())).toHaveLength(0);
    });

    it('a feature branching scenario with multiple provider feature branches: is WIP on a second feature branch even if the first feature branch successfully verified it', async () => {
      await s.publishFeature();
      const first = s.wip(await s.forVerification(s.body('feat-1', 'master')));
      await s.publishResult('1', 'feat-1', first[0]?._links.self.href, true);
      expect(s.wip(await s.forVerification(s.body('feat-2', 'master')))).toHaveLength(1);
    });

    it("a feature branching scenario with matching feature branches: stays wip on master even after it has been successfully verified on the provider's feature branch", async () => {
      await s.publishFeature();
      const onMaster = s.wip(await s.forVerification(s.body('master')));
      await s.publishResult('1', 'master', onMaster[0]?._links.self.href, false);

      const onFeature = await s.forVerification(s.body('feat-x', 'feat-x'));
      // Not WIP there: the feat-x selector names it.
      expect(s.wip(onFeature)).toHaveLength(0);
      await s.publishResult('2', 'feat-x', onFeature[0]?._links.self.href, true);

      expect(s.wip(await s.forVerification(s.body('master')))).toHaveLength(1);
    });

    describe('when a brand new provider branch is created', () => {
      it('does not include any pacts already successfully verified by another branch before this branch was created', async () => {
        await s.publishMaster();
        const onMaster = await s.forVerification(s.body('master', 'master'));
        await s.publishResult('1', 'master', onMaster[0]?._links.self.href, true);
        await s.publishFeature();
        expect(s.wip(await s.forVerification(s.body('feat-y', 'master')))).toHaveLength(1);
      });

      it('does include any subsequently created new pacts', async () => {
        await s.publishMaster();
        await s.publishFeature();
        const pacts = await s.forVerification(s.body('feat-y', 'master'));
        expect(s.wip(pacts)).toHaveLength(1);
        await s.publishResult('2', 'feat-y', pacts[0]?._links.self.href, true);
        await s.publishFeature('3');
        await s.publishFeature('4', 'feat-z', content3);
        expect(s.wip(await s.forVerification(s.body('feat-y', 'master')))).toHaveLength(2);
      });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { pactBetween, pactsFor, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * A pact publication's model methods and datasets, through the resources that show them: the latest pact URLs (by
 * branch, tag, overall), the pact's latest verification link, pacts-for-verification's pending status and its
 * WIP pacts (`created_after` is `includeWipPactsSince`, so these brokers' clocks are set to the spec's dates).
 * No counterpart: `to_domain_lightweight` (a Ruby error on an unloaded attribute), the lazy versus eager loading
 * and "when chained" examples (the same answer, composed differently); `save` raising on a duplicate is the
 * upsert a republication makes, checked below.
 */
describe('spec/lib/pact_broker/pacts/pact_publication_spec.rb', () => {
  let at = Date.parse('2020-01-01T00:00:00Z');
  /** The spec's `set_now`: the broker's clock stands at that day until it is set again. */
  const setNow = (day: string) => {
    at = Date.parse(`${day}T00:00:00Z`);
  };
  const broker = freshBroker({ now: () => new Date(at) });
  const latest = async (consumer: string, provider: string, suffix: string) => {
    const response = await broker.get(`/pacts/provider/${provider}/consumer/${consumer}/${suffix}`);
    return response.statusCode === 200
      ? (response.json()._links['pb:consumer-version'].name as string)
      : response.statusCode;
  };
  const wipSince = async (since: string) => {
    const pacts = await pactsFor(broker, {
      consumerVersionSelectors: [{ tag: 'no-such-tag', latest: true }],
      includeWipPactsSince: since,
      providerVersionBranch: 'provider-main',
    });
    expect(pacts.every((p) => p.wip)).toBe(true);
    return pacts.map((p) => `${p.consumer} ${p.versions.join(',')}`).sort();
  };

  it('to_domain: has the latest verification', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar');
    await verification(broker, 'Foo', '1', 'Bar', '2');
    const served = (await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).json();
    const result = await broker.get(
      served._links['pb:latest-verification-results'].href.replace('http://broker.test', ''),
    );
    expect(result.statusCode).toBe(200);
    expect(result.json().providerApplicationVersion).toBe('2');
  });

  it('save and upsert: publishing the same consumer version and provider again keeps one publication', async () => {
    const url = '/pacts/provider/Bar/consumer/Foo/version/1';
    const content = { consumer: { name: 'Foo' }, provider: { name: 'Bar' }, interactions: [] };
    expect((await broker.put(url, content)).statusCode).toBe(201);
    expect((await broker.put(url, content)).statusCode).toBe(200);
    const versions = (await broker.get('/pacts/provider/Bar/consumer/Foo/versions')).json();
    expect(versions._links['pb:pacts']).toHaveLength(1);
  });

  describe('latest_for_branch?', () => {
    it('when there are no later pacts with the same branch: 2 is the latest (version 3 has no pact)', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
      await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'main' });
      await broker.put('/pacticipants/Foo/branches/main/versions/3');
      expect(await latest('Foo', 'Bar', 'branch/main/latest')).toBe('2');
    });
  });

  it('#consumer_version_tags: the tags of the pact\'s own consumer version, ["yes"]', async () => {
    await pactBetween(broker, 'Foo', '1.2.3', 'Bar', { tags: ['no'] });
    await pactBetween(broker, 'Foo', '3.4.5', 'Bar', { tags: ['yes'] });
    await broker.put('/pacticipants/Foo/versions/5.6.7/tags/no');
    const tagged = (await broker.get('/pacts/provider/Bar/consumer/Foo/tag/yes')).json();
    expect(tagged._links['pb:pacts'].map((l: { href: string }) => l.href.split('/').pop())).toEqual(['3.4.5']);
    const version = (await broker.get('/pacticipants/Foo/versions/3.4.5')).json();
    expect(version._embedded.tags.map((t: { name: string }) => t.name)).toEqual(['yes']);
  });

  describe('#head_tag_names', () => {
    it('when the pact is the latest for a tag: it is the latest for yes (not for no)', async () => {
      await pactBetween(broker, 'Foo', '1.2.3', 'Bar', { tags: ['no'] });
      await pactBetween(broker, 'Foo', '3.4.5', 'Bar', { tags: ['yes'] });
      await broker.put('/pacticipants/Foo/versions/5.6.7/tags/no');
      await broker.put('/pacticipants/Foo2/versions/3.4.5/tags/yes');
      expect(await latest('Foo', 'Bar', 'latest/yes')).toBe('3.4.5');
      expect(await latest('Foo', 'Bar', 'latest/no')).toBe('1.2.3');
    });

    it('when the pact is not the latest for a tag: the later prod pact is', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['prod'] });
      await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['prod'] });
      expect(await latest('Foo', 'Bar', 'latest/prod')).toBe('2');
    });
  });

  it('#head_pact_publications_for_tags: for 1 (main, prod), the heads are 2 for main and 1 for prod', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['main', 'prod'] });
    await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['main'] });
    await pactBetween(broker, 'Foo2', '6', 'Bar', { tags: ['main'] });
    expect(await latest('Foo', 'Bar', 'latest/main')).toBe('2');
    expect(await latest('Foo', 'Bar', 'latest/prod')).toBe('1');
  });

  it('created_after: returns the pact publications created after the date, 2', async () => {
    setNow('2020-01-01');
    await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
    setNow('2020-01-03');
    await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'feat/x' });
    expect(await wipSince('2020-01-02T00:00:00Z')).toEqual(['Foo 2']);
  });

  describe('latest_by_consumer_branch', () => {
    async function data() {
      setNow('2020-01-01');
      await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
      setNow('2020-01-02');
      await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'feat/x' });
      setNow('2020-01-03');
      await pactBetween(broker, 'Foo', '3', 'Bar', { branch: 'main' });
      setNow('2020-01-04');
      await pactBetween(broker, 'Foo', '4', 'Bar', { branch: 'feat/x' });
      setNow('2020-01-05');
      await pactBetween(broker, 'FooZ', '6', 'Bar', { branch: 'main' });
      setNow('2020-01-06');
      await pactBetween(broker, 'FooZ', '7', 'Bar');
      setNow('2020-01-07');
      await broker.put('/pacticipants/FooZ/branches/main/versions/8');
    }

    it('returns the latest pact publications for each consumer/branch: 3, 4 and 6', async () => {
      await data();
      expect(await latest('Foo', 'Bar', 'branch/main/latest')).toBe('3');
      expect(await latest('Foo', 'Bar', `branch/${encodeURIComponent('feat/x')}/latest`)).toBe('4');
      expect(await latest('FooZ', 'Bar', 'branch/main/latest')).toBe('6');
    });

    it('chained with created after 2020-01-03: 4 and 6 (3, created at that very moment, is not after it)', async () => {
      await data();
      // The real WIP pacts leave FooZ 6 out as well: FooZ's main head, 8, has no pact (see the README).
      expect(await wipSince('2020-01-03T00:00:00Z')).toEqual(['Foo 4', 'FooZ 6']);
    });
  });

  it('latest_for_consumer_branch: the latest pacts for the branches named main, Foo 2 and Foo2 11', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
    await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'main' });
    await pactBetween(broker, 'Foo', '3', 'Bar', { branch: 'feat-x' });
    await pactBetween(broker, 'Foo2', '10', 'Bar2', { branch: 'main' });
    await pactBetween(broker, 'Foo2', '11', 'Bar2', { branch: 'main' });
    const main = { consumerVersionSelectors: [{ branch: 'main' }] };
    expect((await pactsFor(broker, main)).map((p) => `${p.consumer} ${p.versions}`)).toEqual(['Foo 2']);
    expect((await pactsFor(broker, main, 'Bar2')).map((p) => `${p.consumer} ${p.versions}`)).toEqual(['Foo2 11']);
  });

  it('latest_by_consumer_tag: the latest pact publications for each consumer/tag, 3, 4 and 6', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['main'] });
    await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['feat/x'] });
    await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['main'] });
    await pactBetween(broker, 'Foo', '4', 'Bar', { tags: ['feat/x'] });
    await pactBetween(broker, 'FooZ', '6', 'Bar', { tags: ['main'] });
    await pactBetween(broker, 'FooZ', '7', 'Bar');
    await broker.put('/pacticipants/FooZ/versions/8/tags/main');
    expect(await latest('Foo', 'Bar', 'latest/main')).toBe('3');
    expect(await latest('Foo', 'Bar', `latest/${encodeURIComponent('feat/x')}`)).toBe('4');
    expect(await latest('FooZ', 'Bar', 'latest/main')).toBe('6');
  });

  describe('overall_latest and latest_for_consumer_tag', () => {
    async function data() {
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['main'] });
      await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['main'] });
      await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['feat/x'] });
      await pactBetween(broker, 'Foo2', '10', 'Bar2', { tags: ['main'] });
      await pactBetween(broker, 'Foo2', '11', 'Bar2', { tags: ['main'] });
    }

    it('overall_latest: returns the latest by consumer/provider, Foo 3 and Foo2 11', async () => {
      await data();
      const { pacts } = (await broker.get('/pacts/latest')).json();
      expect(
        pacts.map(
          (p: { _embedded: { consumer: { name: string; _embedded: { version: { number: string } } } } }) =>
            `${p._embedded.consumer.name} ${p._embedded.consumer._embedded.version.number}`,
        ),
      ).toEqual(['Foo 3', 'Foo2 11']);
    });

    it('latest_for_consumer_tag: the latest pacts for the tag main (for any consumer/provider), Foo 2 and Foo2 11', async () => {
      await data();
      expect(await latest('Foo', 'Bar', 'latest/main')).toBe('2');
      expect(await latest('Foo2', 'Bar2', 'latest/main')).toBe('11');
    });
  });

  it('#successfully_verified_by_provider_branch_when_not_wip: only 2 is verified by main (not pending)', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['t1'] });
    await verification(broker, 'Foo', '1', 'Bar', '2', { branch: 'main', success: false });
    await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['t2'] });
    await verification(broker, 'Foo', '2', 'Bar', '2', { branch: 'main' });
    await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['t3'] });
    await verification(broker, 'Foo', '3', 'Bar', '3', { branch: 'not-main' });
    const pacts = await pactsFor(broker, {
      consumerVersionSelectors: ['t1', 't2', 't3'].map((tag) => ({ tag, latest: true })),
      includePendingStatus: true,
      providerVersionBranch: 'main',
    });
    expect(Object.fromEntries(pacts.map((p) => [p.versions.join(','), p.pending]))).toEqual({
      '1': true,
      '2': false,
      '3': true,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { pact, publish, shaOf } from '../../helpers/broker.ts';
import { pactBetween, tagVersion } from '../logic-support.ts';
import { rows } from '../rows.ts';
import { freshBroker } from '../support.ts';

/**
 * The pact repository's finds and deletes, through the resources that call them: the pact, pact-version, latest,
 * tag, branch and provider pact lists, previous-distinct, and their DELETEs. No counterpart: the stored counts
 * of interactions and messages and the LatestPactPublicationIdForConsumerVersion row (never served), the race
 * conditions (a Sequel unique-constraint retry), revision numbers (`find_all_revisions`, the revision count
 * in `find_pact` and `update`; no resource shows them), `find_previous_pact`, `find_next_pact` and
 * `search_for_latest_pact` (no resource of this broker answers with them).
 */
describe('spec/lib/pact_broker/pacts/repository_spec.rb', () => {
  const broker = freshBroker();
  const between = (consumer = 'Consumer', provider = 'Provider') =>
    `/pacts/provider/${encodeURIComponent(provider)}/consumer/${encodeURIComponent(consumer)}`;
  const versionsIn = (links: { href: string }[]) => links.map((l) => decodeURIComponent(l.href.split('/').pop() ?? ''));
  const get = async (url: string) => {
    const response = await broker.get(url);
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
  const consumerVersionOf = async (url: string) => (await get(url))._links['pb:consumer-version'].name as string;

  describe('create', () => {
    it('saves the pact: its content, consumer and provider are served', async () => {
      const content = pact('Consumer', 'Provider', ['a request for a thing']);
      expect((await broker.put(`${between()}/version/1.2.3`, content)).statusCode).toBe(201);
      const served = await get(`${between()}/version/1.2.3`);
      expect(served.consumer).toEqual({ name: 'Consumer' });
      expect(served.provider).toEqual({ name: 'Provider' });
      expect(served.interactions.map((i: { description: string }) => i.description)).toEqual(['a request for a thing']);
      expect(served.interactions[0].request).toEqual(content.interactions[0]?.request);
      expect(served._links['pb:consumer-version'].name).toBe('1.2.3');
      expect(Date.parse(served.createdAt)).not.toBeNaN();
    });

    describe('when a pact already exists with exactly the same content', () => {
      it('creates a new publication and reuses the same pact version (same SHA)', async () => {
        const content = pact('Consumer', 'Provider', ['same']);
        await pactBetween(broker, 'Consumer', '1', 'Provider', { content });
        await pactBetween(broker, 'Consumer', '2', 'Provider', { content });
        expect(await shaOf(broker.app, 'Provider', 'Consumer', '2')).toBe(
          await shaOf(broker.app, 'Provider', 'Consumer', '1'),
        );
        expect(await rows(broker.app, 'pact_publications')).toBe(2);
        expect(await rows(broker.app, 'pact_versions')).toBe(1);
      });
    });

    it('when a pact already exists with the same content but with a different consumer/provider: not reused', async () => {
      const interactions = ['same'];
      await pactBetween(broker, 'Consumer', '1', 'Provider', { content: pact('Consumer', 'Provider', interactions) });
      await pactBetween(broker, 'Another', '1', 'Provider', { content: pact('Another', 'Provider', interactions) });
      expect(await rows(broker.app, 'pact_versions')).toBe(2);
      const sha = await shaOf(broker.app, 'Provider', 'Consumer', '1');
      const another = await get(`${between('Another')}/pact-version/${sha}`);
      expect(another.consumer).toEqual({ name: 'Another' });
      expect(another._links['pb:consumer'].name).toBe('Another');
    });

    it('when a pact already exists with different content: creates a new pact version', async () => {
      await pactBetween(broker, 'Consumer', '1', 'Provider');
      await pactBetween(broker, 'Consumer', '2', 'Provider');
      expect(await shaOf(broker.app, 'Provider', 'Consumer', '2')).not.toBe(
        await shaOf(broker.app, 'Provider', 'Consumer', '1'),
      );
      expect(await rows(broker.app, 'pact_versions')).toBe(2);
    });
  });

  describe('update', () => {
    it('when the pact_version_sha has changed: a new pact version; the existing one is kept (not served; README)', async () => {
      const original = pact('Consumer', 'Provider', ['first']);
      await pactBetween(broker, 'Consumer', '1', 'Provider', { content: original });
      const before = await shaOf(broker.app, 'Provider', 'Consumer', '1');
      const merged = await broker.patch(`${between()}/version/1`, pact('Consumer', 'Provider', ['second']));
      expect(merged.statusCode).toBe(200);
      const after = await shaOf(broker.app, 'Provider', 'Consumer', '1');
      expect(after).not.toBe(before);
      expect(await rows(broker.app, 'pact_versions')).toBe(2);
      // The real broker still serves the first revision at its pact-version URL; this one keeps one publication
      // per consumer version, so no publication shows that content any more.
      expect((await broker.get(`${between()}/pact-version/${before}`)).statusCode).toBe(404);
      const current = await get(`${between()}/version/1`);
      expect(current.interactions.map((i: { description: string }) => i.description)).toEqual(['first', 'second']);
    });

    it('when the pact_version_sha has not changed: no new pact version, the same content and created date', async () => {
      const content = pact('Consumer', 'Provider', ['first']);
      await pactBetween(broker, 'Consumer', '1', 'Provider', { content });
      const before = await get(`${between()}/version/1`);
      expect((await broker.put(`${between()}/version/1`, content)).statusCode).toBe(200);
      const after = await get(`${between()}/version/1`);
      expect(await rows(broker.app, 'pact_versions')).toBe(1);
      expect(after.interactions).toEqual(before.interactions);
      expect(after.createdAt).toBe(before.createdAt);
    });
  });

  describe('delete', () => {
    it('deletes the publication of the consumer version; content another version uses stays', async () => {
      const content = pact('Consumer', 'Provider', ['shared']);
      await pactBetween(broker, 'Consumer', '1.2.3', 'Provider', { content });
      await pactBetween(broker, 'Consumer', '2.3.4', 'Provider', { content });
      const sha = await shaOf(broker.app, 'Provider', 'Consumer', '1.2.3');
      expect((await broker.delete(`${between()}/version/1.2.3`)).statusCode).toBe(200);
      expect((await broker.get(`${between()}/version/1.2.3`)).statusCode).toBe(404);
      expect(await rows(broker.app, 'pact_publications')).toBe(1);
      expect(await consumerVersionOf(`${between()}/pact-version/${sha}`)).toBe('2.3.4');
    });
  });

  /** Consumer 1.2.3, then 2.3.4 (tagged prod and branch, on branch main) for Provider and Another Provider. */
  async function twoVersions() {
    await pactBetween(broker, 'Consumer', '1.2.3', 'Provider');
    await publish(broker.app, {
      consumer: 'Consumer',
      version: '2.3.4',
      providers: ['Provider', 'Another Provider'],
      branch: 'main',
      tags: ['prod', 'branch'],
    });
  }

  describe('#find_all_pact_versions_between', () => {
    it('returns the pacts between the specified consumer and provider, latest first', async () => {
      await twoVersions();
      const body = await get(`${between()}/versions`);
      expect(versionsIn(body._links['pb:pacts'])).toEqual(['2.3.4', '1.2.3']);
      const tags = await get('/pacticipants/Consumer/versions/2.3.4');
      expect(tags._embedded.tags.map((t: { name: string }) => t.name).sort()).toEqual(['branch', 'prod']);
    });

    it('with a tag: returns the pacts between them with the given tag', async () => {
      await twoVersions();
      expect(versionsIn((await get(`${between()}/tag/prod`))._links['pb:pacts'])).toEqual(['2.3.4']);
    });
  });

  describe('#delete_all_pact_publications_between', () => {
    it('deletes the pacts between the specified consumer and provider (revised ones too)', async () => {
      await twoVersions();
      await broker.patch(`${between()}/version/1.2.3`, pact('Consumer', 'Provider', ['a revision']));
      expect((await broker.delete(`${between()}/versions`)).statusCode).toBe(204);
      expect(await rows(broker.app, 'pact_publications')).toBe(1);
      expect(await consumerVersionOf(`${between('Consumer', 'Another Provider')}/latest`)).toBe('2.3.4');
    });

    it('with a tag: deletes the pacts between them with the given tag', async () => {
      await twoVersions();
      expect((await broker.delete(`${between()}/tag/prod`)).statusCode).toBe(200);
      expect(await rows(broker.app, 'pact_publications')).toBe(2);
      expect(await consumerVersionOf(`${between()}/latest`)).toBe('1.2.3');
    });

    it('with a branch: deletes the pacts between them with the given branch', async () => {
      await twoVersions();
      expect((await broker.delete(`${between()}/branch/main`)).statusCode).toBe(200);
      expect((await broker.get(`${between()}/branch/main/latest`)).statusCode).toBe(404);
      expect(await consumerVersionOf(`${between('Consumer', 'Another Provider')}/branch/main/latest`)).toBe('2.3.4');
    });
  });

  /** The real spec's data for the provider's pacts: two versions of each of two consumers, one also with another provider. */
  async function twoConsumersOfProvider() {
    await pactBetween(broker, 'Consumer', '1.0.0', 'Provider');
    await pactBetween(broker, 'Consumer', '1.2.3', 'Provider');
    await pactBetween(broker, 'wiffle consumer', '4.0.0', 'Provider');
    await publish(broker.app, {
      consumer: 'wiffle consumer',
      version: '4.5.6',
      providers: ['Provider', 'not the provider'],
    });
  }

  describe('#find_latest_pacts_for_provider', () => {
    it('with no tag specified: the latest pact of each consumer', async () => {
      await twoConsumersOfProvider();
      const links = (await get('/pacts/provider/Provider/latest'))._links['pb:pacts'];
      expect(links.map((l: { name: string; href: string }) => `${l.name} ${versionsIn([l])[0]}`)).toEqual([
        'Consumer 1.2.3',
        'wiffle consumer 4.5.6',
      ]);
    });

    it('with a tag specified: the latest pact of each consumer with the given consumer version tag', async () => {
      await pactBetween(broker, 'Consumer', '1.2.3', 'Provider', { tags: ['prod'] });
      await pactBetween(broker, 'Consumer', '2.0.0', 'Provider');
      await pactBetween(broker, 'wiffle consumer', '4.5.6', 'Provider');
      await publish(broker.app, {
        consumer: 'wiffle consumer',
        version: '5.0.0',
        providers: ['Provider', 'not the provider'],
        tags: ['prod', 'test'],
      });
      const links = (await get('/pacts/provider/Provider/latest/prod'))._links['pb:pacts'];
      expect(links.map((l: { name: string; href: string }) => `${l.name} ${versionsIn([l])[0]}`)).toEqual([
        'Consumer 1.2.3',
        'wiffle consumer 5.0.0',
      ]);
    });
  });

  describe('#find_pact_versions_for_provider', () => {
    it('with no tag specified: returns all the pact versions for the provider', async () => {
      await twoConsumersOfProvider();
      const links = (await get('/pacts/provider/Provider'))._links['pb:pacts'];
      expect(versionsIn(links).sort()).toEqual(['1.0.0', '1.2.3', '4.0.0', '4.5.6']);
    });

    it('with a tag specified: the pacts for the provider with the given consumer tag', async () => {
      await pactBetween(broker, 'Consumer', '1', 'Provider', { tags: ['prod'] });
      await pactBetween(broker, 'Consumer', '2', 'Provider', { tags: ['prod'] });
      await pactBetween(broker, 'Consumer', '3', 'Provider');
      await pactBetween(broker, 'wiffle consumer', '10', 'Provider');
      await publish(broker.app, {
        consumer: 'wiffle consumer',
        version: '11',
        providers: ['Provider', 'not the provider'],
        tags: ['prod', 'test'],
      });
      const links = (await get('/pacts/provider/Provider/tag/prod'))._links['pb:pacts'];
      expect(links.map((l: { name: string; href: string }) => `${l.name} ${versionsIn([l])[0]}`).sort()).toEqual([
        'Consumer 1',
        'Consumer 2',
        'wiffle consumer 11',
      ]);
    });
  });

  describe('find_pact', () => {
    it('finds the pact with the given version; with no version, the latest', async () => {
      await pactBetween(broker, 'Consumer', '1.2.2', 'Provider');
      await pactBetween(broker, 'Consumer', '1.2.3', 'Provider');
      await pactBetween(broker, 'Consumer', '1.2.4', 'Provider');
      expect(await consumerVersionOf(`${between()}/version/1.2.3`)).toBe('1.2.3');
      expect(await consumerVersionOf(`${between()}/latest`)).toBe('1.2.4');
    });

    it('with a pact_version_sha: finds the pact with that SHA', async () => {
      await pactBetween(broker, 'Consumer', '1.2.3', 'Provider');
      await pactBetween(broker, 'Consumer', '1.2.4', 'Provider');
      const sha = await shaOf(broker.app, 'Provider', 'Consumer', '1.2.3');
      const served = await get(`${between()}/pact-version/${sha}`);
      expect(served._links['pb:pact-version'].name).toBe(sha);
      expect(served._links['pb:consumer-version'].name).toBe('1.2.3');
    });

    describe('when there are multiple pact publications for the pact version', () => {
      const same = pact('Foo', 'Bar', ['one content']);
      const twoPublications = async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { content: same });
        await pactBetween(broker, 'Foo', '2', 'Bar', { content: same });
        return shaOf(broker.app, 'Bar', 'Foo', '1');
      };

      it('returns the latest pact, ordered by consumer version order', async () => {
        const sha = await twoPublications();
        expect(await consumerVersionOf(`${between('Foo', 'Bar')}/pact-version/${sha}`)).toBe('2');
      });

      it('when the pact has multiple revisions and goes back to a previous revision: the latest content', async () => {
        const sha = await twoPublications();
        await broker.patch(`${between('Foo', 'Bar')}/version/2`, pact('Foo', 'Bar', ['a revision']));
        // Version 2 has moved on: the SHA's latest publication is now version 1's.
        expect(await consumerVersionOf(`${between('Foo', 'Bar')}/pact-version/${sha}`)).toBe('1');
      });
    });
  });

  describe('find_previous_distinct_pact', () => {
    const base = () => pact('Consumer', 'Provider', ['a request for something']);
    const withFoo = () => {
      const content = base();
      Object.assign(content.interactions[0] as object, { foo: 'bar' });
      return content;
    };
    /** The same interaction with its keys in another order: not a change that affects verification. */
    const reordered = () => {
      const { description, ...rest } = base().interactions[0] as { description: string };
      return { ...base(), interactions: [{ ...rest, description }] };
    };

    it('when there is a previous distinct version: returns the previous pact with different content, 2', async () => {
      for (const [v, content] of [
        ['1', base()],
        ['2', withFoo()],
        ['3', base()],
        ['4', reordered()],
      ] as const) {
        await pactBetween(broker, 'Consumer', v, 'Provider', { content });
      }
      const previous = await get(`${between()}/version/4/previous-distinct`);
      expect(previous._links['pb:consumer-version'].name).toBe('2');
      expect(previous.interactions[0].foo).toBe('bar');
    });

    it("when there isn't a previous distinct version: a 404", async () => {
      for (const [v, content] of [
        ['1', base()],
        ['2', base()],
        ['3', base()],
        ['4', reordered()],
      ] as const) {
        await pactBetween(broker, 'Consumer', v, 'Provider', { content });
      }
      expect((await broker.get(`${between()}/version/4/previous-distinct`)).statusCode).toBe(404);
    });
  });

  describe('find_latest_pact', () => {
    it('with a tag: when a version with a pact exists with the given tag, the latest tagged one', async () => {
      await pactBetween(broker, 'Consumer', '1.0.0', 'Provider', { tags: ['prod'] });
      await pactBetween(broker, 'Consumer', '1.2.3', 'Provider', { tags: ['prod'] });
      await pactBetween(broker, 'Consumer', '2.0.0', 'Provider');
      const served = await get(`${between()}/latest/prod`);
      expect(served._links['pb:consumer-version'].name).toBe('1.2.3');
      expect(served.interactions).toHaveLength(1);
      expect(Date.parse(served.createdAt)).not.toBeNaN();
    });

    describe('without a tag', () => {
      it('when one or more versions of a pact exist without any tags: returns the latest untagged, 1.2.3', async () => {
        await pactBetween(broker, 'Consumer', '1.0.0', 'Provider');
        await pactBetween(broker, 'Consumer', '1.2.3', 'Provider');
        await pactBetween(broker, 'Consumer', '2.3.4', 'Provider', { tags: ['prod'] });
        expect(await consumerVersionOf(`${between()}/latest-untagged`)).toBe('1.2.3');
      });

      it('when all versions have a tag: none (a 404)', async () => {
        await pactBetween(broker, 'Consumer', '2.3.4', 'Provider', { tags: ['prod'] });
        expect((await broker.get(`${between()}/latest-untagged`)).statusCode).toBe(404);
      });
    });

    it('with a branch specified: the latest pact that belongs to a version on the branch', async () => {
      await pactBetween(broker, 'Consumer', '1', 'Provider', { branch: 'main' });
      await pactBetween(broker, 'Consumer', '2', 'Provider', { branch: 'main' });
      await pactBetween(broker, 'Consumer', '3', 'Provider', { branch: 'feat/x' });
      expect(await consumerVersionOf(`${between()}/branch/main/latest`)).toBe('2');
    });
  });

  describe('find_latest_pacts', () => {
    it('finds the latest pact for each consumer/provider pair, not a version without a pact', async () => {
      await pactBetween(broker, 'Condor', '1.3.0', 'Pricing Service');
      await pactBetween(broker, 'Condor', '1.4.0', 'Pricing Service', { tags: ['prod'] });
      await pactBetween(broker, 'Contract Email Service', '2.6.0', 'Contract Proposal Service');
      await pactBetween(broker, 'Contract Email Service', '2.7.0', 'Contract Proposal Service');
      await tagVersion(broker, 'Contract Email Service', '2.8.0', ['no-pact']);
      const { pacts } = await get('/pacts/latest');
      const pairs = pacts.map(
        (p: {
          _embedded: {
            consumer: { name: string; _embedded: { version: { number: string } } };
            provider: { name: string };
          };
        }) =>
          `${p._embedded.consumer.name} ${p._embedded.consumer._embedded.version.number} ${p._embedded.provider.name}`,
      );
      expect(pairs).toEqual(['Condor 1.4.0 Pricing Service', 'Contract Email Service 2.7.0 Contract Proposal Service']);
      expect(Date.parse(pacts[0].createdAt)).not.toBeNaN();
    });
  });
});

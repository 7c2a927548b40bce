import { describe, expect, it } from 'vitest';
import { pact } from '../../helpers/broker.ts';
import { type Found, pactBetween, pactsFor, tagVersion, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * Each dataset method is followed through the resource that answers with it: the latest pact URLs (by branch,
 * by tag, overall) for the latest-by-consumer sets, the branch and tag selectors of pacts-for-verification for
 * the latest-for-a-name sets, and the WIP pacts (every branch or tag head not yet verified by the provider
 * branch) for the branch and tag heads and for `successfully_verified_by_provider_branch_when_not_wip`. The
 * "does not return extra columns", "when columns are already selected" and "when chained" examples have none:
 * they test how a Sequel dataset composes, not what it finds. "chained with created after" is `includeWipPactsSince`.
 */
describe('spec/lib/pact_broker/pacts/pact_publication_dataset_module_spec.rb', () => {
  const broker = freshBroker();
  const latest = async (provider: string, consumer: string, suffix: string) => {
    const response = await broker.get(`/pacts/provider/${provider}/consumer/${consumer}/${suffix}`);
    if (response.statusCode !== 200) return response.statusCode;
    const body = response.json();
    return {
      version: body._links['pb:consumer-version'].name as string,
      descriptions: (body.interactions as { description: string }[]).map((i) => i.description),
    };
  };
  /** A revision of the consumer version's pact: the same version publishes it again with one more interaction. */
  const revise = async (consumer: string, version: string, provider: string) => {
    const response = await broker.patch(
      `/pacts/provider/${provider}/consumer/${consumer}/version/${version}`,
      pact(consumer, provider, ['a revision']),
    );
    expect(response.statusCode).toBe(200);
  };
  const listed = (pacts: Found[]) => pacts.map((p) => `${p.consumer} ${p.versions.join(',')}`).sort();
  const wip = async (provider: string, providerBranch: string) => {
    const pacts = await pactsFor(
      broker,
      {
        consumerVersionSelectors: [{ tag: 'no-such-tag', latest: true }],
        includeWipPactsSince: '2000-01-01T00:00:00Z',
        providerVersionBranch: providerBranch,
      },
      provider,
    );
    expect(pacts.every((p) => p.wip)).toBe(true);
    return listed(pacts);
  };

  describe('latest_by_consumer_branch', () => {
    async function data() {
      await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
      await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'feat/x' });
      await pactBetween(broker, 'Foo', '3', 'Bar', { branch: 'main' });
      await pactBetween(broker, 'Foo', '4', 'Bar', { branch: 'feat/x' });
      await pactBetween(broker, 'FooZ', '6', 'Bar', { branch: 'main' });
      await revise('FooZ', '6', 'Bar');
      await pactBetween(broker, 'FooZ', '7', 'Bar');
      await pactBetween(broker, 'FooZ', '8', 'NotBar', { branch: 'main' });
    }

    it('returns the latest pact publications for each consumer/branch: 3, 4, 6 (revised) and 8', async () => {
      await data();
      expect(await latest('Bar', 'Foo', 'branch/main/latest')).toMatchObject({ version: '3' });
      expect(await latest('Bar', 'Foo', `branch/${encodeURIComponent('feat/x')}/latest`)).toMatchObject({
        version: '4',
      });
      const fooZ = await latest('Bar', 'FooZ', 'branch/main/latest');
      expect(fooZ).toMatchObject({ version: '6' });
      expect(typeof fooZ === 'object' && fooZ.descriptions).toContain('a revision');
      expect(await latest('NotBar', 'FooZ', 'branch/main/latest')).toMatchObject({ version: '8' });
      // Version 7 has no branch, and NotBar has no pact from Foo: no fifth pair.
      expect(await latest('NotBar', 'Foo', 'branch/main/latest')).toBe(404);
    });
  });

  describe('latest_by_consumer_branch chained with created after', () => {
    let at = Date.parse('2020-01-01T00:00:00Z');
    const clocked = freshBroker({ now: () => new Date(at) });
    const on = (day: string) => {
      at = Date.parse(`${day}T00:00:00Z`);
    };

    it('chained with created after 2020-01-03: the heads published after it, Foo 4 and FooZ 6 for Bar', async () => {
      const put = (consumer: string, version: string, provider: string, branch?: string) =>
        pactBetween(clocked, consumer, version, provider, branch ? { branch } : {});
      on('2020-01-01');
      await put('Foo', '1', 'Bar', 'main');
      on('2020-01-02');
      await put('Foo', '2', 'Bar', 'feat/x');
      on('2020-01-03');
      await put('Foo', '3', 'Bar', 'main');
      on('2020-01-04');
      await put('Foo', '4', 'Bar', 'feat/x');
      on('2020-01-05');
      await put('FooZ', '6', 'Bar', 'main');
      on('2020-01-06');
      await put('FooZ', '7', 'Bar');
      on('2020-01-07');
      await put('FooZ', '8', 'NotBar', 'main');
      const since = (provider: string) =>
        pactsFor(
          clocked,
          {
            consumerVersionSelectors: [{ tag: 'no-such-tag', latest: true }],
            includeWipPactsSince: '2020-01-03T00:00:00Z',
            providerVersionBranch: 'provider-main',
          },
          provider,
        );
      // Foo 3 was published at the very moment given, so not after it.
      expect(listed(await since('Bar'))).toEqual(['Foo 4', 'FooZ 6']);
      expect(listed(await since('NotBar'))).toEqual(['FooZ 8']);
    });
  });

  /** The data of latest_for_consumer_branch and for_all_branch_heads (by branch) and of the tag examples. */
  async function twoIntegrations(by: 'branch' | 'tag') {
    const on = (name: string) => (by === 'branch' ? { branch: name } : { tags: [name] });
    await pactBetween(broker, 'Foo', '1', 'Bar', on('main'));
    await pactBetween(broker, 'Foo', '2', 'Bar', on('main'));
    await revise('Foo', '2', 'Bar');
    await pactBetween(broker, 'Foo', '3', 'Bar', on(by === 'branch' ? 'feat-x' : 'feat/x'));
    await pactBetween(broker, 'Foo2', '10', 'Bar2', on('main'));
    await pactBetween(broker, 'Foo2', '11', 'Bar2', on('main'));
  }
  const mainSelector = (by: 'branch' | 'tag') => (by === 'branch' ? { branch: 'main' } : { tag: 'main', latest: true });
  const selected = async (provider: string, selector: Record<string, unknown>) =>
    listed(await pactsFor(broker, { consumerVersionSelectors: [selector] }, provider));

  describe('latest_for_consumer_branch', () => {
    it('returns the latest pacts for the branches named main (for any consumer/provider): Foo 2 (revised), Foo2 11', async () => {
      await twoIntegrations('branch');
      expect(await selected('Bar', { branch: 'main' })).toEqual(['Foo 2']);
      expect(await selected('Bar2', { branch: 'main' })).toEqual(['Foo2 11']);
      const [found] = await pactsFor(broker, { consumerVersionSelectors: [{ branch: 'main' }] });
      expect(found?.short).toBe('latest from branch main');
      const served = await latest('Bar', 'Foo', 'branch/main/latest');
      expect(typeof served === 'object' && served.descriptions).toContain('a revision');
    });

    it('when there is no pact for the branch head: the latest pact on the branch (the real: none; README)', async () => {
      await twoIntegrations('branch');
      await broker.put('/pacticipants/Foo2/branches/main/versions/12');
      expect(await selected('Bar', { branch: 'main' })).toEqual(['Foo 2']);
      // The real broker finds no pact for Foo2: its head, 12, has none.
      expect(await selected('Bar2', { branch: 'main' })).toEqual(['Foo2 11']);
    });
  });

  describe('for_all_branch_heads', () => {
    it('returns the pacts for all the branch heads: Foo 2 and 3, Foo2 11', async () => {
      await twoIntegrations('branch');
      expect(await wip('Bar', 'provider-main')).toEqual(['Foo 2', 'Foo 3']);
      expect(await wip('Bar2', 'provider-main')).toEqual(['Foo2 11']);
    });

    it('when there is no pact for the branch head: the latest pact on the branch (the real: none; README)', async () => {
      await twoIntegrations('branch');
      await broker.put('/pacticipants/Foo2/branches/main/versions/12');
      expect(await wip('Bar', 'provider-main')).toEqual(['Foo 2', 'Foo 3']);
      // The real broker has no WIP pact for Bar2: Foo2's main head, 12, has none.
      expect(await wip('Bar2', 'provider-main')).toEqual(['Foo2 11']);
    });
  });

  /** The data of latest_by_consumer_tag and for_all_tag_heads. */
  async function tagged() {
    await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['main'] });
    await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['feat/x'] });
    await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['main'] });
    await pactBetween(broker, 'Foo', '4', 'Bar', { tags: ['feat/x'] });
    await pactBetween(broker, 'FooZ', '6', 'Bar', { tags: ['main'] });
    await pactBetween(broker, 'FooZ', '7', 'Bar');
    await tagVersion(broker, 'FooZ', '8', ['main']);
  }

  describe('latest_by_consumer_tag', () => {
    it('returns the latest pact publications for each consumer/tag: 3, 4 and 6', async () => {
      await tagged();
      expect(await latest('Bar', 'Foo', 'latest/main')).toMatchObject({ version: '3' });
      expect(await latest('Bar', 'Foo', `latest/${encodeURIComponent('feat/x')}`)).toMatchObject({ version: '4' });
      // FooZ's latest main version (8) has no pact: the latest pact with the tag is 6's.
      expect(await latest('Bar', 'FooZ', 'latest/main')).toMatchObject({ version: '6' });
    });
  });

  describe('for_all_tag_heads', () => {
    it('returns the pacts belonging to the latest tagged version for each tag: Foo 3 and 4 (and FooZ 6; README)', async () => {
      await tagged();
      await tagVersion(broker, 'Bar', '1', ['provider-main']);
      const pacts = await pactsFor(broker, {
        consumerVersionSelectors: [{ tag: 'no-such-tag', latest: true }],
        includeWipPactsSince: '2000-01-01T00:00:00Z',
        providerVersionTags: ['provider-main'],
      });
      // The real broker leaves FooZ out: its latest main version, 8, has no pact.
      expect(listed(pacts)).toEqual(['Foo 3', 'Foo 4', 'FooZ 6']);
    });
  });

  describe('overall_latest', () => {
    it('returns the latest by consumer/provider: Foo 3 (revised), Foo2 11', async () => {
      await twoIntegrations('tag');
      await revise('Foo', '3', 'Bar');
      const foo = await latest('Bar', 'Foo', 'latest');
      expect(foo).toMatchObject({ version: '3' });
      expect(typeof foo === 'object' && foo.descriptions).toContain('a revision');
      expect(await latest('Bar2', 'Foo2', 'latest')).toMatchObject({ version: '11' });
      expect(await selected('Bar', { latest: true })).toEqual(['Foo 3']);
      expect(await selected('Bar2', { latest: true })).toEqual(['Foo2 11']);
    });
  });

  describe('latest_for_consumer_tag', () => {
    it('returns the pacts for the latest versions with tag main (for any consumer/provider): Foo 2, Foo2 11', async () => {
      await twoIntegrations('tag');
      expect(await latest('Bar', 'Foo', 'latest/main')).toMatchObject({ version: '2' });
      expect(await latest('Bar2', 'Foo2', 'latest/main')).toMatchObject({ version: '11' });
    });

    it('when the latest version with the tag does not have a pact: returns the latest pact with the tag', async () => {
      await twoIntegrations('tag');
      await tagVersion(broker, 'Foo', '12', ['main']);
      await tagVersion(broker, 'Foo2', '12', ['main']);
      expect(await latest('Bar', 'Foo', 'latest/main')).toMatchObject({ version: '2' });
      expect(await latest('Bar2', 'Foo2', 'latest/main')).toMatchObject({ version: '11' });
    });
  });

  describe('for_latest_consumer_versions_with_tag', () => {
    it('returns the pacts for the latest versions with tag main (for any consumer/provider): Foo 2, Foo2 11', async () => {
      await twoIntegrations('tag');
      expect(await selected('Bar', mainSelector('tag'))).toEqual(['Foo 2']);
      expect(await selected('Bar2', mainSelector('tag'))).toEqual(['Foo2 11']);
    });

    it('when the latest version with the tag does not have a pact: the latest pact with the tag (the real: none; README)', async () => {
      await twoIntegrations('tag');
      await tagVersion(broker, 'Foo', '12', ['main']);
      await tagVersion(broker, 'Foo2', '12', ['main']);
      // The real broker answers an empty list: the heads of main, both 12, have no pacts.
      expect(await selected('Bar', mainSelector('tag'))).toEqual(['Foo 2']);
      expect(await selected('Bar2', mainSelector('tag'))).toEqual(['Foo2 11']);
    });
  });

  describe('#successfully_verified_by_provider_branch_when_not_wip', () => {
    it('returns the pact publications successfully verified by the provider branch: only 2 is not pending', async () => {
      // Tags t1…t3 let each version be selected on its own; they change nothing of what was verified.
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['t1'] });
      await verification(broker, 'Foo', '1', 'Bar', '2', { branch: 'main', success: false });
      await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['t2'] });
      await verification(broker, 'Foo', '2', 'Bar', '2', { branch: 'main', success: true });
      await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['t3'] });
      await verification(broker, 'Foo', '3', 'Bar', '3', { branch: 'not-main', success: true });
      const pacts = await pactsFor(broker, {
        consumerVersionSelectors: ['t1', 't2', 't3'].map((tag) => ({ tag, latest: true })),
        includePendingStatus: true,
        providerVersionBranch: 'main',
      });
      const pending = Object.fromEntries(pacts.map((p) => [p.versions.join(','), p.pending]));
      expect(pending).toEqual({ '1': true, '2': false, '3': true });
    });

    describe('with chained scopes', () => {
      it('when no latest branch pacts have been successfully verified by provider-main: both heads are WIP', async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
        await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'provider-main' });
        await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'main' });
        await verification(broker, 'Foo', '2', 'Bar', '2', { branch: 'provider-main', success: false });
        await pactBetween(broker, 'Foo', '3', 'Bar', { branch: 'feat/x' });
        await verification(broker, 'Foo', '3', 'Bar', '3', { branch: 'not-provider-main' });
        expect(await wip('Bar', 'provider-main')).toEqual(['Foo 2', 'Foo 3']);
      });

      it('when latest branch pacts have been successfully verified by provider-main: the head 2 is not WIP', async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
        await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'provider-main' });
        await pactBetween(broker, 'Foo', '2', 'Bar', { branch: 'main' });
        await verification(broker, 'Foo', '2', 'Bar', '1', { branch: 'provider-main' });
        await verification(broker, 'Foo', '2', 'Bar', '2', { branch: 'provider-main' });
        expect(await wip('Bar', 'provider-main')).toEqual([]);
      });

      it('when latest tagged pacts have been successfully verified by provider-main: the head 2 is not WIP', async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['main'] });
        await verification(broker, 'Foo', '1', 'Bar', '1', { tags: ['provider-main'] });
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['main'] });
        await verification(broker, 'Foo', '2', 'Bar', '1', { branch: 'provider-main' });
        await verification(broker, 'Foo', '2', 'Bar', '2', { branch: 'provider-main' });
        expect(await wip('Bar', 'provider-main')).toEqual([]);
      });

      describe('subtracting Pact Publications', () => {
        async function data() {
          for (const v of ['1', '2']) await pactBetween(broker, 'Foo', v, 'Bar', { branch: 'main', tags: ['main'] });
          await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'provider-main' });
          await verification(broker, 'Foo', '2', 'Bar', '1', { branch: 'provider-main' });
          await verification(broker, 'Foo', '2', 'Bar', '2', { branch: 'provider-main' });
          await pactBetween(broker, 'Foo', '3', 'Bar', { branch: 'feat/x', tags: ['feat/x'] });
        }

        it('with branches and with tags: only 3 is left to verify', async () => {
          await data();
          expect(await wip('Bar', 'provider-main')).toEqual(['Foo 3']);
        });
      });
    });
  });
});

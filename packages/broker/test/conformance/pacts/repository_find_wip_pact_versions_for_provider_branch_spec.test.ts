import { describe, expect, it } from 'vitest';
import { verifyPact } from '../../helpers/broker.ts';
import { type Found, pactBetween, pactsFor, tagVersion } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec asks the pact repository for bar's WIP pacts for provider branch dev; here bar's
 * pacts-for-verification resource is asked with `includeWipPactsSince` and a selector that matches no pact (the
 * real spec passes no explicitly selected pacts), and its WIP pacts are the ones the real find returns.
 */
describe('spec/lib/pact_broker/pacts/repository_find_wip_pact_versions_for_provider_branch_spec.rb', () => {
  const broker = freshBroker();
  const wip = async (branch: string | null = 'dev', since = '2000-01-01T00:00:00Z'): Promise<Found[]> => {
    const pacts = await pactsFor(
      broker,
      {
        consumerVersionSelectors: [{ tag: 'no-such-tag', latest: true }],
        includeWipPactsSince: since,
        ...(branch === null ? {} : { providerVersionBranch: branch }),
      },
      'bar',
    );
    expect(pacts.every((p) => p.wip)).toBe(true);
    return pacts;
  };
  const listed = (pacts: Found[]) => pacts.map((p) => `${p.consumer} ${p.versions.join(',')}`);
  const verify = (consumerVersion: string, providerVersion: string, success: boolean, branch?: string) =>
    verifyPact(broker.app, {
      provider: 'bar',
      consumer: 'foo',
      consumerVersion,
      providerVersion,
      success,
      ...(branch ? { branch } : {}),
    });
  const providerVersionOnDev = () => broker.put('/pacticipants/bar/branches/dev/versions/333');

  describe('find_wip_pact_versions_for_provider by branch', () => {
    it('when there are no tags or branch: returns an empty list', async () => {
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
      expect(await wip(null)).toEqual([]);
    });

    describe('when there are multiple wip pacts', () => {
      async function multiple() {
        await providerVersionOnDev();
        await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
        await pactBetween(broker, 'foo', '2', 'bar', { branch: 'branch-1' });
        await pactBetween(broker, 'meep', '2', 'bar', { tags: ['feat-2'] });
        await pactBetween(broker, 'foo', '3', 'bar', { tags: ['feat-2'] });
        await pactBetween(broker, 'meep', '1', 'bar', { tags: ['feat-1'] });
      }

      it('sorts them', async () => {
        await multiple();
        expect(listed(await wip())).toEqual(['foo 1', 'foo 2', 'foo 3', 'meep 2', 'meep 1']);
      });

      it('sets the selectors', async () => {
        await multiple();
        expect((await wip()).map((p) => p.short)).toEqual([
          'latest with tag feat-1 (work in progress)',
          'latest from branch branch-1 (work in progress)',
          'latest with tag feat-2 (work in progress)',
          'latest with tag feat-2 (work in progress)',
          'latest with tag feat-1 (work in progress)',
        ]);
      });
    });

    it('when the latest pact for a tag has been successfully verified by the given provider branch: not included', async () => {
      await pactBetween(broker, 'foo', '1', 'bar');
      await pactBetween(broker, 'foo', '2', 'bar', { tags: ['prod'] });
      await verify('2', '3', true, 'dev');
      expect(await wip()).toEqual([]);
    });

    it('when a pact is the latest for a tag and a branch and has no successful verifications: it has two selectors', async () => {
      await providerVersionOnDev();
      await broker.put('/pacticipants/foo/branches/branch-1/versions/1');
      await tagVersion(broker, 'foo', '1', ['feat-1']);
      await pactBetween(broker, 'foo', '2', 'bar', { branch: 'branch-1', tags: ['feat-1'] });
      const pacts = await wip();
      expect(listed(pacts)).toEqual(['foo 2']);
      expect(pacts[0]?.short.split(', ').sort()).toEqual([
        'latest from branch branch-1',
        'latest with tag feat-1 (work in progress)',
      ]);
    });

    describe('when the latest pact for a tag has failed verification from the specified provider version branch', () => {
      it('is included; sets the pending branch', async () => {
        await broker.put('/pacticipants/bar/versions/333/tags/dev');
        await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
        await verify('1', '3', false, 'dev');
        await pactBetween(broker, 'foo', '2', 'bar', { branch: 'branch-1' });
        await verify('2', '3', false, 'dev');
        const pacts = await wip();
        expect(pacts).toHaveLength(2);
        for (const p of pacts) expect(p.pending).toBe(true);
      });
    });

    it('when there are no consumer tags: returns an empty list', async () => {
      await pactBetween(broker, 'foo', '1', 'bar');
      await verify('1', '3', false, 'dev');
      expect(await wip()).toEqual([]);
    });

    it('when the latest pact for a tag has successful then failed verifications: is not included', async () => {
      await broker.put('/pacticipants/bar/versions/333/tags/dev');
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['dev'] });
      await verify('1', '3', true, 'dev');
      await verify('1', '5', false, 'dev');
      expect(await wip()).toEqual([]);
    });

    it('when the latest pact for a tag has not been verified: is included', async () => {
      await broker.put('/pacticipants/bar/versions/333/tags/dev');
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
      expect(listed(await wip())).toEqual(['foo 1']);
    });

    it('when the provider name does not match the given provider name: is not included', async () => {
      await pactBetween(broker, 'foo', '1', 'baz', { tags: ['feat-1'] });
      await broker.post('/pacticipants', { name: 'bar' });
      expect(await wip()).toEqual([]);
    });

    it('when the pact was published before the specified include_wip_pacts_since: is not included', async () => {
      await providerVersionOnDev();
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['prod'] });
      expect(await wip('dev', '2030-01-01T00:00:00Z')).toEqual([]);
    });

    describe('when the provider branch specified does not exist yet', () => {
      it('and there are previous successful verifications from another branch: empty', async () => {
        await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
        await verify('1', '20', true, 'dev');
        await verify('1', '21', true);
        expect(await wip('feat-new-branch')).toEqual([]);
      });

      it('and there are previous failed verifications from another branch: is included', async () => {
        await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
        await verify('1', '20', false, 'dev');
        await verify('1', '21', true);
        expect(listed(await wip('feat-new-branch'))).toEqual(['foo 1']);
      });
    });

    it('when there is a successful verification from before the first provider version with the specified branch was created: empty', async () => {
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
      await verify('1', '20', true, 'dev');
      await verify('1', '21', false, 'feat-new-branch');
      expect(await wip('feat-new-branch')).toEqual([]);
    });

    it('when there is a successful verification from after the first provider version with the specified branch was created: is included', async () => {
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
      await verify('1', '21', false, 'feat-new-branch');
      await verify('1', '20', true, 'dev');
      expect(listed(await wip('feat-new-branch'))).toEqual(['foo 1']);
    });

    it('when there are tags for consumers without pacts for this provider: only includes consumers with pacts for this provider', async () => {
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
      await pactBetween(broker, 'other-consumer', '1', 'different-provider', { tags: ['main', 'feat-1'] });
      expect((await wip()).map((p) => p.consumer)).toEqual(['foo']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { pact, verifyPact } from '../../helpers/broker.ts';
import { type Found, pactBetween, pactsFor } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec asks the pact repository for bar's WIP pacts for provider tags; here bar's pacts-for-verification
 * resource is asked with `includeWipPactsSince`, the provider tags and a selector that matches no pact (the real
 * spec passes no explicitly selected pacts).
 */
describe('spec/lib/pact_broker/pacts/repository_find_wip_pact_versions_for_provider_spec.rb', () => {
  const broker = freshBroker();
  const wip = async (tags: string[] = ['dev'], since = '2000-01-01T00:00:00Z'): Promise<Found[]> => {
    const pacts = await pactsFor(
      broker,
      {
        consumerVersionSelectors: [{ tag: 'no-such-tag', latest: true }],
        includeWipPactsSince: since,
        providerVersionTags: tags,
      },
      'bar',
    );
    expect(pacts.every((p) => p.wip)).toBe(true);
    return pacts;
  };
  const listed = (pacts: Found[]) => pacts.map((p) => `${p.consumer} ${p.versions.join(',')}`);
  const verify = (consumerVersion: string, providerVersion: string, success: boolean, tags: string[] = []) =>
    verifyPact(broker.app, { provider: 'bar', consumer: 'foo', consumerVersion, providerVersion, success, tags });
  const providerVersionTagged = (version: string, tag: string) =>
    broker.put(`/pacticipants/bar/versions/${version}/tags/${tag}`);

  describe('find_wip_pact_versions_for_provider', () => {
    it('when there are no tags: returns an empty list', async () => {
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
      expect(await wip([])).toEqual([]);
    });

    it('when there are multiple wip pacts: sorts them; sets the selectors', async () => {
      await providerVersionTagged('333', 'dev');
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
      await pactBetween(broker, 'foo', '2', 'bar', { branch: 'branch-1' });
      await pactBetween(broker, 'meep', '2', 'bar', { tags: ['feat-2'] });
      await pactBetween(broker, 'foo', '3', 'bar', { tags: ['feat-2'] });
      await pactBetween(broker, 'meep', '1', 'bar', { tags: ['feat-1'] });
      const pacts = await wip();
      expect(listed(pacts)).toEqual(['foo 1', 'foo 2', 'foo 3', 'meep 2', 'meep 1']);
      expect(pacts[1]?.short).toBe('latest from branch branch-1 (work in progress)');
      expect(pacts[4]?.short).toBe('latest with tag feat-1 (work in progress)');
    });

    it('when there are multiple wip pacts with the same content: de-duplicates them; merges the selectors', async () => {
      await providerVersionTagged('333', 'dev');
      const content = pact('foo', 'bar', ['foo']);
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'], content });
      await pactBetween(broker, 'foo', '2', 'bar', { tags: ['feat-2'], content });
      const pacts = await wip();
      expect(pacts).toHaveLength(1);
      expect(pacts[0]?.short.split(', ').sort()).toEqual([
        'latest with tag feat-1',
        'latest with tag feat-2 (work in progress)',
      ]);
    });

    it('when the latest pact for a tag has been successfully verified by the given provider tag: not included', async () => {
      await pactBetween(broker, 'foo', '1', 'bar');
      await pactBetween(broker, 'foo', '2', 'bar', { tags: ['prod'] });
      await verify('2', '3', true, ['dev']);
      expect(await wip()).toEqual([]);
    });

    describe('when the latest pact for a tag has been successfully verified by one of the given provider tags, but not the other', () => {
      it('is included; sets the pending tags to the tag that has not yet been verified', async () => {
        await providerVersionTagged('44', 'feat-1');
        await pactBetween(broker, 'foo', '1', 'bar', { tags: ['prod'] });
        await verify('1', '3', true, ['dev']);
        const pacts = await wip(['dev', 'feat-1']);
        expect(pacts).toHaveLength(1);
        expect(pacts[0]?.pending).toBe(true);
      });
    });

    it('when the latest pact for a tag has failed verification from the specified provider version: is included', async () => {
      await providerVersionTagged('333', 'dev');
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
      await verify('1', '3', false, ['dev']);
      expect(listed(await wip())).toEqual(['foo 1']);
    });

    it('when there are no consumer tags: returns an empty list', async () => {
      await pactBetween(broker, 'foo', '1', 'bar');
      await verify('1', '3', false, ['dev']);
      expect(await wip()).toEqual([]);
    });

    it('when the latest pact for a tag has not been verified: is included', async () => {
      await providerVersionTagged('333', 'dev');
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
      expect(listed(await wip())).toEqual(['foo 1']);
    });

    it('when the provider name does not match the given provider name: is not included', async () => {
      await pactBetween(broker, 'foo', '1', 'baz', { tags: ['feat-1'] });
      await broker.post('/pacticipants', { name: 'bar' });
      expect(await wip()).toEqual([]);
    });

    it('when the pact was published before the specified include_wip_pacts_since: is not included', async () => {
      await providerVersionTagged('333', 'dev');
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['prod'] });
      expect(await wip(['dev'], '2030-01-01T00:00:00Z')).toEqual([]);
    });

    it('when the provider tag does not exist yet and there are no provider versions: is included', async () => {
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['feat-1'] });
      expect(listed(await wip())).toEqual(['foo 1']);
    });

    describe('when the provider version tag specified does not exist yet', () => {
      it('and there are previous successful verifications from another branch: empty', async () => {
        await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
        await verify('1', '20', true, ['dev']);
        expect(await wip(['feat-new-branch'])).toEqual([]);
      });

      it('and there are previous failed verifications from another branch: is included', async () => {
        await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
        await verify('1', '20', false, ['dev']);
        expect(listed(await wip(['feat-new-branch']))).toEqual(['foo 1']);
      });
    });

    it('when there is a successful verification from after the first provider version with the specified tag was created: is included', async () => {
      await pactBetween(broker, 'foo', '1', 'bar', { tags: ['main'] });
      await verify('1', '21', false, ['feat-new-branch']);
      await verify('1', '20', true, ['dev']);
      expect(listed(await wip(['feat-new-branch']))).toEqual(['foo 1']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { pact, path, shaOf } from '../../helpers/broker.ts';
import { pactBetween, pactsFor, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * A pact version's model methods, through what they decide: its pact-version resource and latest verification
 * link, and the pending status pacts-for-verification gives it for provider tags and branches (the
 * `…successful_verifications…` predicates). No counterpart: lazy versus eager loading (the same answer twice),
 * `latest_main_branch_verification` (feeds the real UI index only), `latest_consumer_version_number` (it needs
 * `order_versions_by_date` off, not a setting here) and `set_interactions_and_messages_counts!` (stored counts,
 * never served).
 */
describe('spec/lib/pact_broker/pacts/pact_version_spec.rb', () => {
  const broker = freshBroker();
  const pending = async (provider: Record<string, unknown> = {}) => {
    const pacts = await pactsFor(broker, { includePendingStatus: true, ...provider });
    expect(pacts).toHaveLength(1);
    return pacts[0]?.pending;
  };
  /** The pending (or not pending) reason of the only pact. */
  const reason = async (provider: Record<string, unknown>) => {
    const response = await broker.post('/pacts/provider/Bar/for-verification', {
      includePendingStatus: true,
      ...provider,
    });
    const notices = response.json()._embedded.pacts[0].verificationProperties.notices as { text: string }[];
    return notices.map((n) => n.text).join('\n');
  };
  const latestResult = async (consumer: string, provider: string, version: string) => {
    const served = (await broker.get(`/pacts/provider/${provider}/consumer/${consumer}/version/${version}`)).json();
    const response = await broker.get(path(served._links['pb:latest-verification-results'].href));
    expect(response.statusCode).toBe(200);
    return response.json().providerApplicationVersion as string;
  };

  it('pacticipant names: the consumer and provider names', async () => {
    await pactBetween(broker, 'consumer', '1', 'provider');
    const sha = await shaOf(broker.app, 'provider', 'consumer', '1');
    const served = (await broker.get(`/pacts/provider/provider/consumer/consumer/pact-version/${sha}`)).json();
    expect(served._links['pb:consumer'].name).toBe('consumer');
    expect(served._links['pb:provider'].name).toBe('provider');
  });

  it('consumer_versions: the consumer versions that published the content, 1 and 2', async () => {
    const same = pact('consumer', 'provider', ['the first content']);
    await pactBetween(broker, 'consumer', '1', 'provider', { content: same });
    await pactBetween(broker, 'consumer', '2', 'provider', { content: same });
    await pactBetween(broker, 'consumer', '3', 'provider');
    const sha = await shaOf(broker.app, 'provider', 'consumer', '1');
    expect(await shaOf(broker.app, 'provider', 'consumer', '2')).toBe(sha);
    expect(await shaOf(broker.app, 'provider', 'consumer', '3')).not.toBe(sha);
    // Selected by a tag all three carry, the content of 1 and 2 is one pact, naming both consumer versions.
    for (const v of ['1', '2', '3']) await broker.put(`/pacticipants/consumer/versions/${v}/tags/t`);
    const pacts = await pactsFor(broker, { consumerVersionSelectors: [{ tag: 't' }] }, 'provider');
    expect(pacts.map((p) => [...p.versions].sort().join(','))).toEqual(['3', '1,2']);
  });

  it('#latest_verification: the latest verification of each pact version, by verification order', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar');
    await verification(broker, 'Foo', '1', 'Bar', '2');
    await verification(broker, 'Foo', '1', 'Bar', '3');
    await pactBetween(broker, 'NotFoo', '1', 'Bar');
    await verification(broker, 'NotFoo', '1', 'Bar', '4');
    await verification(broker, 'NotFoo', '1', 'Bar', '5');
    await pactBetween(broker, 'NotFoo2', '1', 'NotBar');
    await verification(broker, 'NotFoo2', '1', 'NotBar', '6');
    expect(await latestResult('Foo', 'Bar', '1')).toBe('3');
    expect(await latestResult('NotFoo', 'Bar', '1')).toBe('5');
    expect(await latestResult('NotFoo2', 'NotBar', '1')).toBe('6');
  });

  describe('#latest_pact_publication', () => {
    it('when the latest pact publication is not an overwritten one: that of 1.2.102 for Animals', async () => {
      await pactBetween(broker, 'Foo', '1.2.100', 'Bar');
      await pactBetween(broker, 'Foo', '1.2.101', 'Bar');
      await pactBetween(broker, 'Foo', '1.2.102', 'Animals');
      await pactBetween(broker, 'Foo', '1.2.102', 'Wiffles');
      const sha = await shaOf(broker.app, 'Animals', 'Foo', '1.2.102');
      const served = (await broker.get(`/pacts/provider/Animals/consumer/Foo/pact-version/${sha}`)).json();
      expect(served._links['pb:consumer-version'].name).toBe('1.2.102');
    });

    it('when the only pact publication with the given sha is an overwritten one: a 404 here (README)', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      const first = await shaOf(broker.app, 'Bar', 'Foo', '1');
      await broker.patch('/pacts/provider/Bar/consumer/Foo/version/1', pact('Foo', 'Bar', ['a revision']));
      // The real broker answers with the overwritten publication (revision 1).
      expect((await broker.get(`/pacts/provider/Bar/consumer/Foo/pact-version/${first}`)).statusCode).toBe(404);
    });
  });

  describe('select_provider_tags_with_successful_verifications', () => {
    const data = async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '20', { tags: ['dev'] });
      await verification(broker, 'Foo', '1', 'Bar', '21');
    };

    it('when the pact version has been successfully verified by all the specified tags: not pending for dev', async () => {
      await data();
      expect(await pending({ providerVersionTags: ['dev'] })).toBe(false);
    });

    it('when the pact version has been verified unsuccessfully by all of the specified tags: none for feat-bar', async () => {
      await data();
      await verification(broker, 'Foo', '1', 'Bar', '30', { tags: ['feat-bar'], success: false });
      // No feat-bar verification succeeded; the pact is still not pending, in the real broker too, because the
      // success of 20, a version with another tag, came before feat-bar's first version (the next describe's rule).
      const [found] = await pactsFor(broker, { includePendingStatus: true, providerVersionTags: ['feat-bar'] });
      expect(found?.pending).toBe(false);
      expect(await reason({ providerVersionTags: ['dev'] })).toContain("verified by a version of Bar with tag 'dev'");
    });
  });

  describe('select_provider_tags_with_successful_verifications_from_another_branch_from_before_this_branch_created', () => {
    it('when the tag does not exist yet but there are previous successful verifications: not pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '20', { tags: ['dev'] });
      await verification(broker, 'Foo', '1', 'Bar', '21');
      expect(await pending({ providerVersionTags: ['feat-new-branch'] })).toBe(false);
    });

    it('when there is a successful verification from before the first version with the tag: not pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '20', { tags: ['dev'] });
      await verification(broker, 'Foo', '1', 'Bar', '21', { tags: ['feat-new-branch'], success: false });
      expect(await pending({ providerVersionTags: ['feat-new-branch'] })).toBe(false);
    });

    it('when there is a successful verification from after the first version with the tag: pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '21', { tags: ['feat-new-branch'], success: false });
      await verification(broker, 'Foo', '1', 'Bar', '20', { tags: ['dev'] });
      expect(await pending({ providerVersionTags: ['feat-new-branch'] })).toBe(true);
    });
  });

  describe('#verified_successfully_by_any_provider_version?', () => {
    it('when the pact version has been successfully verified before: not pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '20');
      await verification(broker, 'Foo', '1', 'Bar', '21', { success: false });
      expect(await pending()).toBe(false);
    });

    it('when the pact version has been unsuccessfully verified before: pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '21', { success: false });
      expect(await pending()).toBe(true);
    });

    it('when the pact version has not been verified ever before: pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      expect(await pending()).toBe(true);
    });
  });

  describe('any_successful_verifications_from_provider_branch?', () => {
    const data = async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'main' });
      await verification(broker, 'Foo', '1', 'Bar', '2', { branch: 'main', success: false });
      await verification(broker, 'Foo', '1', 'Bar', '3', { branch: 'feat/a', success: false });
    };

    it('when there is a successful verification from the specified branch and a failed one: not pending for main', async () => {
      await data();
      expect(await pending({ providerVersionBranch: 'main' })).toBe(false);
    });

    it('when there are only failed verifications from the specified branch: none for feat/a', async () => {
      await data();
      // Not pending all the same, in the real broker too: main's success came before feat/a's first version.
      expect(await pending({ providerVersionBranch: 'feat/a' })).toBe(false);
      expect(await reason({ providerVersionBranch: 'main' })).toContain("branch 'main'");
    });
  });

  describe('any_successful_verifications_from_another_branch_from_before_this_branch_created?', () => {
    it('when the branch does not exist yet but there are previous successful verifications: not pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '20', { branch: 'dev' });
      await verification(broker, 'Foo', '1', 'Bar', '21');
      expect(await pending({ providerVersionBranch: 'feat-new-branch' })).toBe(false);
    });

    it('when there is a successful verification from before the branch was created: not pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '20', { branch: 'dev' });
      await verification(broker, 'Foo', '1', 'Bar', '21', { branch: 'feat-new-branch', success: false });
      expect(await pending({ providerVersionBranch: 'feat-new-branch' })).toBe(false);
    });

    it('when there is a successful verification from after the branch was created: pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '21', { branch: 'feat-new-branch', success: false });
      await verification(broker, 'Foo', '1', 'Bar', '20', { branch: 'dev' });
      expect(await pending({ providerVersionBranch: 'feat-new-branch' })).toBe(true);
    });
  });

  describe('pending_for_provider_branch?', () => {
    it('with no successful verification from the specified branch: pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      expect(await pending({ providerVersionBranch: 'main' })).toBe(true);
    });

    it('with a successful verification from the specified branch: not pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'main' });
      expect(await pending({ providerVersionBranch: 'main' })).toBe(false);
    });

    it('when there is a successful verification from before the specified branch was created: not pending', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '20', { branch: 'other-branch' });
      expect(await pending({ providerVersionBranch: 'main' })).toBe(false);
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { forVerification } from '../../helpers/broker.ts';
import { pactBetween, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The squashed pact's pending flag and its pending and non-pending provider tags show in the answer: the `pending`
 * property and the words of the pending reason.
 */
describe('spec/lib/pact_broker/pacts/squash_pacts_for_verification_spec.rb', () => {
  const broker = freshBroker();
  const ask = async (extra: Record<string, unknown>) => {
    const { statusCode, body } = await forVerification(broker.app, 'Bar', {
      consumerVersionSelectors: [
        { tag: 'dev', latest: true },
        { tag: 'feat-x', latest: true },
      ],
      includePendingStatus: true,
      ...extra,
    });
    expect(statusCode).toBe(200);
    expect(body._embedded.pacts).toHaveLength(1);
    const { pending, notices } = body._embedded.pacts[0].verificationProperties;
    return { pending, reason: notices[1].text as string };
  };

  // One pact content, the head of both consumer tags: the two selections squash into one pact.
  beforeEach(() => pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev', 'feat-x'] }));

  describe('.call', () => {
    describe('when there are no provider tags', () => {
      it('when the pact version is not pending: pending is false', async () => {
        await verification(broker, 'Foo', '1', 'Bar', '1');
        const { pending, reason } = await ask({});
        expect(pending).toBe(false);
        expect(reason).toContain('previously been successfully verified by Bar.');
      });

      it('when the pact version is pending: pending is true', async () => {
        expect((await ask({})).pending).toBe(true);
      });
    });

    describe('when there are provider version tags', () => {
      it('when a pact is pending for any of the provider tags: pending, pending for dev only', async () => {
        // Bar's tag dev exists before the verification (else older versions' results would count for it).
        await broker.put('/pacticipants/Bar/versions/0/tags/dev');
        await verification(broker, 'Foo', '1', 'Bar', '1', { tags: ['feat-x'] });
        const { pending, reason } = await ask({ providerVersionTags: ['dev', 'feat-x'] });
        expect(pending).toBe(true);
        expect(reason).toContain("a successful verification result for a version of Bar with tag 'dev' has not");
      });

      it('when a pact is not pending for any of the provider tags: not pending, for dev and feat-x', async () => {
        await verification(broker, 'Foo', '1', 'Bar', '1', { tags: ['dev', 'feat-x'] });
        const { pending, reason } = await ask({ providerVersionTags: ['dev', 'feat-x'] });
        expect(pending).toBe(false);
        expect(reason).toContain(
          "previously been successfully verified by a version of Bar with tag 'dev' and 'feat-x'.",
        );
      });
    });

    describe('when there is a provider version branch', () => {
      it('when a pact is pending for the provider branch: pending', async () => {
        await broker.put('/pacticipants/Bar/branches/dev/versions/0');
        await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'other' });
        expect((await ask({ providerVersionBranch: 'dev' })).pending).toBe(true);
      });

      it('when a pact is not pending for the provider branch: not pending', async () => {
        await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'dev' });
        expect((await ask({ providerVersionBranch: 'dev' })).pending).toBe(false);
      });
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { forVerification } from '../../helpers/broker.ts';
import { pactBetween, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

describe('spec/lib/pact_broker/pacts/build_verifiable_pact_notices_spec.rb', () => {
  const broker = freshBroker();
  const whens = async (body: Record<string, unknown>) => {
    const { statusCode, body: answer } = await forVerification(broker.app, 'Bar', {
      consumerVersionSelectors: [{ latest: true }],
      ...body,
    });
    expect(statusCode).toBe(200);
    return (answer._embedded.pacts[0].verificationProperties.notices as { when: string; text: string }[]).map(
      (n) => n.when,
    );
  };

  beforeEach(() => pactBetween(broker, 'Foo', '1', 'Bar'));

  describe('.call', () => {
    it('when include_pending_status is true: it returns a list of notices with information about the pending status', async () => {
      expect(await whens({ includePendingStatus: true })).toEqual([
        'before_verification',
        'before_verification',
        'after_verification:success_true_published_false',
        'after_verification:success_false_published_false',
        'after_verification:success_true_published_true',
        'after_verification:success_false_published_true',
      ]);
    });

    // The after-verification messages exist only for a pending pact (the real ones are nil otherwise, and left out).
    it('when include_pending_status is true and the pact is not pending: the inclusion and pending reasons only', async () => {
      await verification(broker, 'Foo', '1', 'Bar', '1');
      expect(await whens({ includePendingStatus: true })).toEqual(['before_verification', 'before_verification']);
    });

    it('when include_pending_status is not true: it returns a list of notices without information about the pending status', async () => {
      expect(await whens({ includePendingStatus: false })).toEqual(['before_verification']);
      expect(await whens({})).toEqual(['before_verification']);
    });
  });
});

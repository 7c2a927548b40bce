import { describe, expect, it } from 'vitest';
import type { MatrixRow } from './rows.ts';
import { summarize } from './summary.ts';

const row = (overrides: Partial<MatrixRow>): MatrixRow => ({
  consumerId: 1,
  consumerName: 'Foo',
  consumerVersionId: 1,
  consumerVersionNumber: '1.0.0',
  providerId: 2,
  providerName: 'Bar',
  providerVersionId: 2,
  providerVersionNumber: '2.0.0',
  pactVersionId: 1,
  sha: 'abc',
  pactPublicationId: 1,
  pactCreatedAt: '2024-01-01T00:00:00.000Z',
  verificationId: 1,
  verificationNumber: 1,
  success: true,
  pending: false,
  verifiedAt: '2024-01-01T00:00:00.000Z',
  ignored: false,
  ...overrides,
});

const ctx = {
  missing: [],
  describe: (r: MatrixRow, side: 'consumer' | 'provider') =>
    side === 'provider' && r.providerVersionNumber === null
      ? 'the version of Bar currently in production'
      : side === 'consumer'
        ? `version ${r.consumerVersionNumber} of Foo`
        : `version ${r.providerVersionNumber} of Bar`,
  ignoring: false,
};

describe('summarize', () => {
  it('is deployable when every considered row succeeded', () => {
    const { summary, notices } = summarize([row({})], ctx);
    expect(summary).toEqual({
      deployable: true,
      reason: 'All required verification results are published and successful',
      success: 1,
      failed: 0,
      unknown: 0,
      reasons: [{ code: 'ALL_VERIFIED', deployable: true, text: summary.reason }],
    });
    expect(notices).toEqual([{ type: 'success', text: summary.reason }]);
  });

  it('is deployable with no rows at all', () => {
    expect(summarize([], ctx).summary).toMatchObject({ deployable: true, reason: 'There are no missing dependencies' });
  });

  it('is not deployable when a verification failed', () => {
    expect(summarize([row({}), row({ success: false, verificationId: 2 })], ctx).summary).toEqual({
      deployable: false,
      reason: 'The verification for the pact between version 1.0.0 of Foo and version 2.0.0 of Bar failed',
      success: 1,
      failed: 1,
      unknown: 0,
      reasons: [
        {
          code: 'VERIFICATION_FAILED',
          deployable: false,
          text: 'The verification for the pact between version 1.0.0 of Foo and version 2.0.0 of Bar failed',
        },
      ],
    });
  });

  it('is unknown while a verification is missing, even beside a failure', () => {
    const unverified = row({
      success: null,
      verificationId: null,
      providerVersionId: null,
      providerVersionNumber: null,
    });
    const { summary } = summarize([row({ success: false }), unverified], ctx);
    expect(summary.deployable).toBeNull();
    expect(summary.unknown).toBe(1);
    expect(summary.reason).toContain(
      'There is no verified pact between version 1.0.0 of Foo and the version of Bar currently in production',
    );
  });

  it('is not deployable when a specified version does not exist', () => {
    const { summary } = summarize([row({})], {
      ...ctx,
      missing: ['No pacts or verifications have been published for version 9 of Bar'],
    });
    expect(summary).toMatchObject({
      deployable: false,
      reason: 'No pacts or verifications have been published for version 9 of Bar',
    });
  });

  it('leaves ignored rows out of the decision and counts them when ignoring', () => {
    const { summary, notices } = summarize([row({}), row({ success: false, ignored: true })], {
      ...ctx,
      ignoring: true,
    });
    expect(summary).toMatchObject({ deployable: true, success: 1, failed: 0, ignored: 1 });
    expect(notices.map((n) => n.type)).toEqual(['success', 'info']);
  });
});

import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/metrics_spec.rb', () => {
  const broker = freshBroker();

  it('returns some metrics', async () => {
    await publish(broker.app, { consumer: 'Consumer', version: '1.2.3', provider: 'Provider', tags: ['prod'] });
    await verifyPact(broker.app, {
      provider: 'Provider',
      consumer: 'Consumer',
      consumerVersion: '1.2.3',
      providerVersion: '4.5.6',
      success: true,
    });
    const body = (await broker.get('/metrics')).json();
    expect(body.pacticipants).toEqual({ count: 2, withMainBranchSetCount: 0 });
    expect(body).toMatchObject({
      integrations: { count: 1 },
      pactPublications: { count: 1 },
      pactVersions: { count: 1 },
      verificationResults: { count: 1, successCount: 1, failureCount: 0 },
      pacticipantVersions: { count: 2 },
      tags: { count: 1, distinctCount: 1 },
    });
  });
});

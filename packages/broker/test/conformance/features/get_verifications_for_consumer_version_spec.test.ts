import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_verifications_for_consumer_version_spec.rb', () => {
  const broker = freshBroker();
  const path = '/verification-results/consumer/Consumer/version/1.2.3/latest';

  describe('when the consumer exists', () => {
    const setUp = async () => {
      await publish(broker.app, { consumer: 'Consumer', version: '1.2.3', providers: ['Provider', 'Another provider'] });
      const result = (provider: string, providerVersion: string, success: boolean) =>
        verifyPact(broker.app, { provider, consumer: 'Consumer', consumerVersion: '1.2.3', providerVersion, success });
      await result('Provider', '1', false);
      await result('Provider', '2', true);
      await result('Another provider', '1', true);
    };

    it('returns a 200 HAL JSON response', async () => {
      await setUp();
      const response = await broker.get(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
    });

    it('returns a list of verifications', async () => {
      await setUp();
      const body = (await broker.get(path)).json();
      expect(body._embedded.verificationResults).toHaveLength(2);
      // The latest of each pact's results: Provider's second (successful) one.
      expect(
        body._embedded.verificationResults.map((v: { providerName: string; providerApplicationVersion: string }) => [
          v.providerName,
          v.providerApplicationVersion,
        ]),
      ).toEqual([
        ['Another provider', '1'],
        ['Provider', '2'],
      ]);
      expect(body.success).toBe(true);
      expect(body.providerSummary).toEqual({ successful: ['Another provider', 'Provider'], failed: [], unknown: [] });
    });
  });

  it('with a pact not verified yet: not a success, its provider unknown', async () => {
    await publish(broker.app, { consumer: 'Consumer', version: '1.2.3', providers: ['Provider', 'Another provider'] });
    await verifyPact(broker.app, { provider: 'Provider', consumer: 'Consumer', consumerVersion: '1.2.3', providerVersion: '1', success: true });
    const body = (await broker.get(path)).json();
    expect(body.success).toBe(false);
    expect(body.providerSummary).toEqual({ successful: ['Provider'], failed: [], unknown: ['Another provider'] });
  });

  it('when the consumer version does not exist: a 404', async () => {
    expect((await broker.get(path)).statusCode).toBe(404);
  });
});

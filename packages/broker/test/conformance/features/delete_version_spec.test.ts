import { beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment, publish, recordDeployment, verifyPact } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_version_spec.rb', () => {
  const broker = freshBroker();

  beforeEach(async () => {
    await broker.put('/pacticipants/Another%20Consumer/versions/1.0.0');
    await broker.put('/pacticipants/Consumer/versions/1.2.3', { tags: [{ name: 'prod' }] });
    await broker.put('/pacticipants/Consumer/versions/1.2.4');
  });

  it('returns a 200 HAL JSON response', async () => {
    // The real example's title says 200; what it checks, and what the real broker answers, is a 204.
    const response = await broker.delete('/pacticipants/Consumer/versions/1.2.3');
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await broker.get('/pacticipants/Consumer/versions/1.2.3')).statusCode).toBe(404);
    const left = (await broker.get('/pacticipants/Consumer/versions')).json();
    expect(left._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['1.2.4']);
    expect((await broker.get('/pacticipants/Consumer/latest-version/prod')).statusCode).toBe(404);
    expect((await broker.delete('/pacticipants/Consumer/versions/1.2.3')).statusCode).toBe(404);
  });

  it('takes what belongs to the version with it: its pacts, branch, deployments and the results it verified', async () => {
    await publish(broker.app, { consumer: 'Consumer', version: '2.0.0', provider: 'Provider', branch: 'main' });
    const test = await createEnvironment(broker.app, 'test');
    await recordDeployment(broker.app, 'Consumer', '2.0.0', test);
    await verifyPact(broker.app, {
      provider: 'Provider',
      consumer: 'Consumer',
      consumerVersion: '2.0.0',
      providerVersion: 'p1',
      success: true,
    });

    expect((await broker.delete('/pacticipants/Consumer/versions/2.0.0')).statusCode).toBe(204);
    expect((await broker.get('/pacts/provider/Provider/consumer/Consumer/version/2.0.0')).statusCode).toBe(404);
    expect((await broker.get('/pacticipants/Consumer/branches/main/versions')).json()._embedded.versions).toEqual([]);
    const deployed = (await broker.get(`/environments/${test}/deployed-versions/currently-deployed`)).json();
    expect(deployed._embedded.deployedVersions).toEqual([]);

    // Deleting the provider version that verified a pact takes its result away.
    await publish(broker.app, {
      consumer: 'Consumer',
      version: '3.0.0',
      provider: 'Provider',
      interactions: ['another request'],
    });
    await verifyPact(broker.app, {
      provider: 'Provider',
      consumer: 'Consumer',
      consumerVersion: '3.0.0',
      providerVersion: 'p2',
      success: true,
    });
    expect((await broker.delete('/pacticipants/Provider/versions/p2')).statusCode).toBe(204);
    const matrix = (await broker.get('/matrix?q[][pacticipant]=Consumer&q[][version]=3.0.0&latestby=cvpv')).json();
    expect(matrix.matrix.map((row: { verificationResult: unknown }) => row.verificationResult)).toEqual([null]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { pact, publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_provider_pacts_for_verification_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Provider/for-verification';

  beforeEach(async () => {
    await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '0.0.1' });
    await publish(broker.app, {
      consumer: 'Consumer 2',
      provider: 'Provider',
      version: '4.5.6',
      tags: ['prod'],
      content: pact('Consumer 2', 'Provider', ['other content']),
    });
  });

  describe('when the provider exists, when using GET', () => {
    const get = (to = path) =>
      broker.get(`${to}?consumer_version_selectors[][tag]=prod&consumer_version_selectors[][latest]=true`);

    it('returns a 200 HAL JSON response; returns a list of links to the pacts', async () => {
      const response = await get();
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json()._embedded.pacts).toHaveLength(1);
    });

    it('returns a deprecation notice', async () => {
      const notices = (await get()).json()._embedded.pacts[0].verificationProperties.notices;
      expect(notices[0].text).toMatch(/^WARNING/);
    });

    it('when the provider does not exist: returns a 404 response', async () => {
      expect((await get('/pacts/provider/ProviderThatDoesNotExist/for-verification')).statusCode).toBe(404);
    });
  });

  describe('when the provider exists, when using POST', () => {
    const body = { consumerVersionSelectors: [{ tag: 'prod', latest: true }], includePendingStatus: false };

    it('returns a list of links to the pacts; does not include a deprecation notice', async () => {
      const response = await broker.post(path, { ...body, providerVersionTags: ['main'] });
      expect(response.statusCode).toBe(200);
      const pacts = response.json()._embedded.pacts;
      expect(pacts).toHaveLength(1);
      expect(pacts[0].verificationProperties.notices[0].text).not.toMatch(/^WARNING/);
    });

    it('when the provider does not exist: returns a 404 response', async () => {
      expect((await broker.post('/pacts/provider/ProviderThatDoesNotExist/for-verification', body)).statusCode).toBe(
        404,
      );
    });

    // The rule in api/contracts/pacts_for_verification_json_query_schema.rb (its spec is not a feature spec):
    // pact_ffi sends an empty branch when none is configured.
    it('an empty providerVersionBranch without pending or WIP is accepted', async () => {
      const response = await broker.post(path, { ...body, providerVersionBranch: '' });
      expect(response.statusCode).toBe(200);
      expect(response.json()._embedded.pacts).toHaveLength(1);
    });

    it('an empty providerVersionBranch with pending and no tags is refused, naming the field', async () => {
      const response = await broker.post(path, { ...body, includePendingStatus: true, providerVersionBranch: '' });
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().errors)).toEqual(['providerVersionBranch']);
    });

    it('an empty providerVersionBranch with pending and tags is accepted (the tags decide)', async () => {
      const response = await broker.post(path, {
        ...body,
        includePendingStatus: true,
        providerVersionBranch: '',
        providerVersionTags: ['main'],
      });
      expect(response.statusCode).toBe(200);
    });

    it('a providerVersionBranch of spaces is refused', async () => {
      expect((await broker.post(path, { ...body, providerVersionBranch: '  ' })).statusCode).toBe(400);
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment, publish, recordDeployment } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_tag_versions_spec.rb', () => {
  const broker = freshBroker();
  const url = '/pacticipants/Boo/tags/prod/versions';

  beforeEach(async () => {
    await broker.put('/pacticipants/Boo/versions/1.2.3/tags/prod');
    const test = await createEnvironment(broker.app, 'test');
    const prod = await createEnvironment(broker.app, 'prod');
    await recordDeployment(broker.app, 'Boo', '1.2.3', test);
    await recordDeployment(broker.app, 'Boo', '1.2.3', prod);
  });

  it('is a HAL JSON success response', async () => {
    const response = await broker.get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the tags versions', async () => {
    // A version with another tag is not listed.
    await broker.put('/pacticipants/Boo/versions/1.2.4/tags/other');
    const body = (await broker.get(url)).json();
    expect(body._embedded.versions).toHaveLength(1);
    expect(body._embedded.versions[0].number).toBe('1.2.3');
    const environments = body._embedded.versions[0]._links['pb:deployed-environments'];
    expect(environments.map((e: { name: string }) => e.name).sort()).toEqual(['prod', 'test']);
  });

  it('when the pacticipant does not exist: returns 404', async () => {
    const response = await broker.get('/pacticipants/Foo/tags/prod/versions');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_PACTICIPANT_NOT_FOUND');
  });

  it('when the tag does not exist: returns 404', async () => {
    const response = await broker.get('/pacticipants/Boo/tags/feature_tag/versions');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_TAG_NOT_FOUND');
  });

  it('with pagination options: only returns the number of items specified in the size', async () => {
    await broker.put('/pacticipants/Boo/versions/1.2.5/tags/prod');
    const body = (await broker.get(`${url}?size=1&page=1`)).json();
    expect(body._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['1.2.5']);
    expect(body.page).toEqual({ number: 1, size: 1, totalElements: 2, totalPages: 2 });
  });

  describe('performance: should not generate N+1 queries with multiple versions and pacts', () => {
    it('returns tag versions without excessive queries', async () => {
      // The query count is the real spec's concern; what a client sees is each version's pacts.
      for (const version of ['1', '2', '3']) {
        await publish(broker.app, {
          consumer: 'PerfTagConsumer',
          version,
          providers: ['Provider1', 'Provider2'],
          tags: ['perf-tag', 'test'],
        });
      }
      const body = (
        await broker.get('/pacticipants/PerfTagConsumer/tags/perf-tag/versions?pageNumber=1&pageSize=2')
      ).json();
      expect(body._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['3', '2']);
      const links = body._embedded.versions.flatMap(
        (v: { _links: Record<string, unknown[]> }) => v._links['pb:pact-versions'],
      );
      expect(links).toHaveLength(4);
    });
  });
});

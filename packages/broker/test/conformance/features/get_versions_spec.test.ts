import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_versions_spec.rb', () => {
  const broker = freshBroker();
  const url = '/pacticipants/Consumer/versions';

  describe('when the pacticipant exists', () => {
    const seed = async () => {
      await broker.put(`${url}/1.0.0`);
      await broker.put(`${url}/1.0.1`);
    };

    it('returns a 200 response', async () => {
      await seed();
      expect((await broker.get(url)).statusCode).toBe(200);
    });

    it('returns a list of links to the versions', async () => {
      await seed();
      const body = (await broker.get(url)).json();
      expect(body._links.versions).toHaveLength(2);
      expect(body._links['pb:versions']).toHaveLength(2);
      // Newest first, as the real broker lists them.
      expect(body._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['1.0.1', '1.0.0']);
    });

    it('does not to contain page details', async () => {
      await seed();
      const body = (await broker.get(url)).json();
      expect(body).not.toHaveProperty('page');
      expect(body._links).not.toHaveProperty('next');
    });

    describe('with pagination options', () => {
      const paged = async () => (await broker.get(`${url}?size=1&page=1`)).json();

      it('paginates the response', async () => {
        await seed();
        const body = await paged();
        expect(body._links.versions).toHaveLength(1);
        expect(body._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['1.0.1']);
      });

      it('includes the pagination relations', async () => {
        await seed();
        const body = await paged();
        expect(body._links.next.href).toMatch(/\/pacticipants\/Consumer\/versions\?size=1&page=2$/);
        expect(body._links).not.toHaveProperty('previous');
        const second = (await broker.get(`${url}?size=1&page=2`)).json();
        expect(second._embedded.versions.map((v: { number: string }) => v.number)).toEqual(['1.0.0']);
        expect(second._links.previous.href).toMatch(/\?size=1&page=1$/);
        expect(second._links).not.toHaveProperty('next');
      });

      it('includes the page section', async () => {
        await seed();
        expect((await paged()).page).toEqual({ number: 1, size: 1, totalElements: 2, totalPages: 2 });
      });

      it('takes the legacy pageNumber and pageSize too, and refuses a page below 1', async () => {
        await seed();
        const legacy = (await broker.get(`${url}?pageSize=1&pageNumber=2`)).json();
        expect(legacy.page).toEqual({ number: 2, size: 1, totalElements: 2, totalPages: 2 });
        const refused = await broker.get(`${url}?size=0`);
        expect(refused.statusCode).toBe(400);
        expect(refused.json().errors).toHaveProperty('size');
      });
    });
  });

  describe('when the pacticipant does not exist', () => {
    it('returns a 404 response', async () => {
      const response = await broker.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('BROKER_PACTICIPANT_NOT_FOUND');
    });
  });

  describe('performance: should not generate N+1 queries with multiple versions and pacts', () => {
    it('returns versions without excessive queries', async () => {
      // The query count is the real spec's concern; what a client sees is each version's pacts and tags.
      for (const version of ['1', '2', '3']) {
        await publish(broker.app, {
          consumer: 'PerfConsumer',
          version,
          providers: ['Provider1', 'Provider2'],
          tags: ['prod', 'test'],
        });
      }
      const body = (await broker.get('/pacticipants/PerfConsumer/versions?pageNumber=1&pageSize=2')).json();
      expect(body._embedded.versions).toHaveLength(2);
      const links = body._embedded.versions.flatMap(
        (v: { _links: Record<string, unknown[]> }) => v._links['pb:pact-versions'],
      );
      expect(links).toHaveLength(4);
      expect(body._embedded.versions[0]._embedded.tags.map((t: { name: string }) => t.name).sort()).toEqual([
        'prod',
        'test',
      ]);
    });
  });
});

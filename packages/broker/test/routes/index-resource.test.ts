import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBroker } from '../helpers/broker.ts';

describe('GET /', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testBroker();
  });
  afterAll(() => app.close());

  it('serves HAL with absolute hrefs and templated relations', async () => {
    const response = await app.inject({ url: '/', headers: { accept: 'application/hal+json' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json;charset=utf-8');
    const links = response.json()._links;
    expect(links['pb:publish-contracts']).toMatchObject({ href: 'http://broker.test/contracts/publish' });
    expect(links['pb:provider-pacts-for-verification']).toMatchObject({
      href: 'http://broker.test/pacts/provider/{provider}/for-verification',
      templated: true,
    });
    for (const rel of [
      'pb:pacticipant',
      'pb:pacticipant-version',
      'pb:pacticipant-version-tag',
      'pb:pacticipant-branch-version',
      'pb:latest-provider-pacts',
      'pb:latest-version',
      'pb:latest-tagged-version',
      'pb:environment',
      'pb:webhook',
    ]) {
      expect(links[rel], rel).toMatchObject({ templated: true });
      expect(links[rel].href, rel).toMatch(/^http:\/\/broker\.test\/.*\{/);
    }
    for (const rel of ['pb:environments', 'pb:pacticipants', 'pb:latest-pact-versions', 'pb:webhooks']) {
      expect(links[rel].href, rel).toMatch(/^http:\/\/broker\.test\//);
    }
  });

  it('builds hrefs from the request origin when no base URL is configured', async () => {
    const local = await testBroker({ baseUrl: undefined });
    const response = await local.inject({ url: '/', headers: { host: 'localhost:1234' } });
    expect(response.json()._links.self.href).toBe('http://localhost:1234/');
    await local.close();
  });

  it('answers plain JSON to a client asking only for it', async () => {
    const response = await app.inject({ url: '/', headers: { accept: 'application/json' } });
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
  });

  it('keeps the common error shape for unknown routes', async () => {
    const response = await app.inject({ url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('has a public heartbeat', async () => {
    expect((await app.inject('/diagnostic/status/heartbeat')).json()).toEqual({ ok: true });
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/ui/html.ts';
import { publish, testBroker } from '../helpers/broker.ts';
import { canIDeployPath, DEPLOY_SCENARIOS, seedDeployScenarios } from '../helpers/deploy-scenarios.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('the broker pages', () => {
  let app: FastifyInstance;
  const get = async (url: string) => {
    const response = await app.inject({ url, headers: { accept: BROWSER_ACCEPT } });
    return {
      status: response.statusCode,
      type: response.headers['content-type'],
      body: response.body,
      headers: response.headers,
    };
  };

  beforeAll(async () => {
    app = await testBroker();
    await seedDeployScenarios(app);
    await publish(app, { consumer: '<script>alert(1)</script>', version: '1', provider: 'Api' });
  });
  afterAll(() => app.close());

  it('sends a browser from a resource to its page, and JSON clients the resource as before', async () => {
    expect((await get('/')).headers.location).toBe('/ui');
    expect((await get('/pacticipants/Web')).headers.location).toBe('/ui/pacticipants/Web');
    expect((await get('/pacts/provider/Api/consumer/Web/version/1')).headers.location).toBe(
      '/ui/pacts/provider/Api/consumer/Web/version/1',
    );
    for (const accept of ['application/hal+json', 'application/hal+json, application/json, */*; q=0.01', '*/*', '']) {
      const response = await app.inject({ url: '/', headers: { accept } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/json/);
    }
  });

  it('lists the integrations with their latest pact and verification, and searches them', async () => {
    const { status, type, body } = await get('/ui');
    expect(status).toBe(200);
    expect(type).toBe('text/html; charset=utf-8');
    expect(body).toContain('<main id="main"');
    expect(body).toContain('href="/ui/pacts/provider/Stock/consumer/Shop/version/2"');
    const searched = await get('/ui?q=cart');
    expect(searched.body).toContain('Cart');
    expect(searched.body).not.toContain('>Shop<');
  });

  it('escapes every stored name', async () => {
    const { body } = await get('/ui');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toContain(escapeHtml('<script>alert(1)</script>'));
  });

  it('shows a pacticipant with its deployments, a pact with its verification, the matrix, network and webhooks', async () => {
    const stock = await get('/ui/pacticipants/Stock');
    expect(stock.body).toMatch(/production[\s\S]*<td>5<\/td><td>deployed<\/td>/);
    const pact = await get('/ui/pacts/provider/Price/consumer/Cart/version/1');
    expect(pact.body).toContain('failed</span> by Price 7');
    const matrix = await get('/ui/matrix?status=failed');
    expect(matrix.body).toContain('Cart');
    expect(matrix.body).not.toContain('>Shop<');
    expect((await get('/ui/network?focus=Api')).body).toContain('Integrations of Api');
    expect((await get('/ui/webhooks')).status).toBe(200);
    expect((await get('/ui/pacticipants/Nobody')).status).toBe(404);
  });

  it.each(DEPLOY_SCENARIOS)('the can-i-deploy page explains $code', async (scenario) => {
    const { body } = await get(`/ui/can-i-deploy${canIDeployPath(scenario.query)}`);
    expect(body).toContain(`<code class="code">${scenario.code}</code>`);
    if (scenario.command !== '') {
      for (const word of scenario.command.split(' ')) expect(body).toContain(escapeHtml(word));
      expect(body).toContain('Next step:');
    }
  });

  it('the can-i-deploy page asks about the latest version with a tag through a labelled field', async () => {
    const empty = await get('/ui/can-i-deploy');
    expect(empty.body).toContain('<label for="d-tag">or latest with tag</label><input id="d-tag" name="tag" value="">');
    const { body } = await get('/ui/can-i-deploy?pacticipant=Web&tag=prod&environment=production');
    expect(body).toContain('<input id="d-tag" name="tag" value="prod">');
    expect(body).toContain('Web (latest with tag prod) cannot be deployed to production');
    expect(body).toContain('No version with tag prod exists for Web');
    // A version given wins over the tag, as on the command line only one is allowed.
    const versioned = await get('/ui/can-i-deploy?pacticipant=Web&version=1&tag=prod&environment=production');
    expect(versioned.body).not.toContain('NO_VERSION_WITH_TAG');
  });

  it('the can-i-deploy page explains an unknown pacticipant and its next step', async () => {
    const { body } = await get('/ui/can-i-deploy?pacticipant=Ghost&environment=production');
    expect(body).toContain('Pacticipant Ghost not found');
    expect(body).toContain('contract-kit publish');
  });
});

import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/ui/html.ts';
import { publish, testBroker } from '../helpers/broker.ts';
import { attemptWhere, createWebhook, refusingUrl } from '../helpers/webhooks.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,*/*;q=0.8';
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

const webhookTo = (url: string) => ({
  description: 'build the provider',
  events: [{ name: 'contract_published' }],
  request: { method: 'POST', url: `${url}/build`, headers: { 'Content-Type': 'application/json' }, body: {} },
});

describe('the webhooks page', () => {
  let app: FastifyInstance | undefined;
  afterEach(() => app?.close());

  it('shows each triggered webhook with its attempts, their logs and when it retries', async () => {
    // A long first retry: the row stays "retrying" while the page is read.
    app = await testBroker({ webhooks: { retrySchedule: [3600] } });
    const uuid = await createWebhook(app, webhookTo(await refusingUrl()));
    const attempted = attemptWhere(app, (e) => e.status === 'retrying');
    await publish(app, { consumer: 'Shop', version: '1', provider: 'Stock' });
    await attempted;

    const response = await app.inject({ url: '/ui/webhooks', headers: { accept: BROWSER_ACCEPT } });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    const row = /<tr data-uuid="[^"]+" data-status="retrying">[\s\S]*?<\/tr>/.exec(body)?.[0] ?? '';
    expect(row).toContain('build the provider');
    expect(row).toContain('Shop → Stock');
    expect(row).toContain('failed, will retry');
    expect(row).toContain('1 of 2 attempts');
    expect(row).toMatch(/next attempt <time datetime="[^"]+" title="[^"]+">in (59 minutes|1 hour)<\/time>/);
    expect(row).toContain('<li class="attempt" data-success="false">');
    expect(row).toContain('ECONNREFUSED');
    // The re-run: a button posting to the webhook's execute, and the same request as a command.
    expect(body).toContain(`data-execute="/webhooks/${uuid}/execute"`);
    expect(body).toContain(
      escapeHtml(
        `curl -X POST -H 'Content-Type: application/json' -d '{}' http://broker.test/webhooks/${uuid}/execute`,
      ),
    );
  });

  it('says when nothing was triggered yet', async () => {
    app = await testBroker();
    const { body } = await app.inject({ url: '/ui/webhooks', headers: { accept: BROWSER_ACCEPT } });
    expect(body).toContain('No webhook has been triggered yet');
  });

  it("runs a webhook again only with the API's write access when auth is on", async () => {
    app = await testBroker({
      auth: {
        readWrite: { username: 'writer', password: 'w-secret' },
        readOnly: { username: 'reader', password: 'r-secret' },
      },
    });
    const uuid = (
      await app.inject({
        method: 'POST',
        url: '/webhooks',
        headers: { authorization: basic('writer', 'w-secret') },
        payload: webhookTo(await refusingUrl()),
      })
    ).json().uuid;
    const asReader = { accept: BROWSER_ACCEPT, authorization: basic('reader', 'r-secret') };
    expect((await app.inject({ url: '/ui/webhooks', headers: asReader })).body).toContain(`/webhooks/${uuid}/execute`);
    const run = (authorization: string) =>
      app?.inject({ method: 'POST', url: `/webhooks/${uuid}/execute`, headers: { authorization }, payload: {} });
    expect((await run(basic('reader', 'r-secret')))?.statusCode).toBe(403);
    expect((await run(basic('writer', 'w-secret')))?.statusCode).toBe(200);
  });
});

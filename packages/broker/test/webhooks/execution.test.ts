import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnvironment, path, publish, recordDeployment, testBroker, verifyPact } from '../helpers/broker.ts';
import {
  attemptWhere,
  createWebhook,
  type Receiver,
  refusingUrl,
  settled,
  startReceiver,
} from '../helpers/webhooks.ts';

const SECRET = 's3cr3t-t0ken-value';

/** `${pactbroker.name}`, spelled so that it is plainly no JavaScript template. */
const param = (name: string) => `$\{pactbroker.${name}}`;

/** A body that echoes the parameters a provider build needs. */
const templatedBody = {
  pactUrl: param('pactUrl'),
  providerVersion: param('providerVersionNumber'),
  providerBranch: param('providerVersionBranch'),
  descriptions: param('providerVersionDescriptions'),
  consumerBranch: param('consumerVersionBranch'),
  consumerVersion: param('consumerVersionNumber'),
  event: param('eventName'),
  resultUrl: param('verificationResultUrl'),
  github: param('githubVerificationStatus'),
};

function webhookTo(url: string, events: string[], extra: Record<string, unknown> = {}) {
  return {
    description: 'trigger the provider build',
    events: events.map((name) => ({ name })),
    request: {
      method: 'POST',
      url: `${url}/build?provider=${param('providerName')}`,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET}` },
      body: templatedBody,
      ...extra,
    },
  };
}

let app: FastifyInstance | undefined;
let receiver: Receiver | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await app?.close();
  await receiver?.close();
  app = undefined;
  receiver = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function providerWithMainAndDeployed(broker: FastifyInstance) {
  // Bar's main branch head is p2; p1 is deployed to production.
  await broker.inject({
    method: 'PATCH',
    url: '/pacticipants/Bar',
    payload: { mainBranch: 'main' },
    headers: { 'content-type': 'application/merge-patch+json' },
  });
  for (const v of ['p1', 'p2']) {
    await broker.inject({ method: 'PUT', url: `/pacticipants/Bar/branches/main/versions/${v}`, payload: {} });
  }
  await recordDeployment(broker, 'Bar', 'p1', await createEnvironment(broker, 'production', true));
}

describe('contract_requiring_verification_published', () => {
  it('reaches the receiver once per provider version to verify, with the pact URL and that version', async () => {
    receiver = await startReceiver();
    app = await testBroker();
    await publish(app, { consumer: 'Foo', version: 'c0', provider: 'Bar' });
    await providerWithMainAndDeployed(app);
    await createWebhook(app, webhookTo(receiver.url, ['contract_requiring_verification_published']));

    const done = settled(app, 2);
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar', branch: 'feat/x', interactions: ['new'] });
    const requests = await receiver.waitFor(2);
    await done;

    const pact = (await app.inject('/pacts/provider/Bar/consumer/Foo/version/c1')).json();
    const pactVersionUrl = pact._links['pb:pact-version'].href;
    const bodies = requests
      .map((r) => JSON.parse(r.body))
      .sort((a, b) => a.providerVersion.localeCompare(b.providerVersion));
    expect(bodies).toEqual([
      {
        ...expectedBody(pactVersionUrl),
        providerVersion: 'p1',
        providerBranch: 'main',
        descriptions: 'deployed in production',
      },
      {
        ...expectedBody(pactVersionUrl),
        providerVersion: 'p2',
        providerBranch: 'main',
        descriptions: 'latest from main branch',
      },
    ]);
    expect(requests.map((r) => r.url)).toEqual(['/build?provider=Bar', '/build?provider=Bar']);
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    // The pact URL is one the provider build can fetch.
    expect((await app.inject(path(pactVersionUrl))).json().interactions[0].description).toBe('new');

    const triggered = (await app.inject(path(pact._links['pb:triggered-webhooks'].href))).json();
    expect(triggered._embedded.triggeredWebhooks).toMatchObject([
      {
        eventName: 'contract_requiring_verification_published',
        status: 'success',
        attemptsMade: 1,
        attemptsRemaining: 0,
      },
      {
        eventName: 'contract_requiring_verification_published',
        status: 'success',
        attemptsMade: 1,
        attemptsRemaining: 0,
      },
    ]);
    const logs = await app.inject(path(triggered._embedded.triggeredWebhooks[0]._links['pb:logs'].href));
    expect(logs.statusCode).toBe(200);
    expect(logs.body).toContain('Webhook executed successfully');
    expect(logs.body).toContain('HTTP/1.1 200 OK');
    expect(logs.body).not.toContain(SECRET);
  });

  it('skips provider versions that already verified the content, and fires nothing when none is left', async () => {
    receiver = await startReceiver();
    app = await testBroker();
    await publish(app, { consumer: 'Foo', version: 'c0', provider: 'Bar' });
    await providerWithMainAndDeployed(app);
    await verifyPact(app, { consumer: 'Foo', consumerVersion: 'c0', providerVersion: 'p2', success: true });
    await createWebhook(app, webhookTo(receiver.url, ['contract_requiring_verification_published']));

    const done = settled(app, 1);
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar' }); // same content as c0
    const [only] = await receiver.waitFor(1);
    await done;
    expect(JSON.parse(only?.body ?? '{}').providerVersion).toBe('p1');

    await verifyPact(app, { consumer: 'Foo', consumerVersion: 'c1', providerVersion: 'p1', success: true });
    await publish(app, { consumer: 'Foo', version: 'c2', provider: 'Bar' });
    const pact = (await app.inject('/pacts/provider/Bar/consumer/Foo/version/c2')).json();
    const triggered = (await app.inject(path(pact._links['pb:triggered-webhooks'].href))).json();
    expect(triggered._embedded.triggeredWebhooks).toEqual([]);
  });
});

function expectedBody(pactUrl: string) {
  return {
    pactUrl,
    consumerBranch: 'feat/x',
    consumerVersion: 'c1',
    event: 'contract_requiring_verification_published',
    resultUrl: '',
    github: 'pending',
  };
}

describe('contract_published and contract_content_changed', () => {
  it('fires contract_published on every publication and contract_content_changed only for new content', async () => {
    receiver = await startReceiver();
    app = await testBroker();
    await createWebhook(app, webhookTo(receiver.url, ['contract_published', 'contract_content_changed']));
    let done = settled(app, 2);
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar' });
    await done;
    done = settled(app, 1);
    await publish(app, { consumer: 'Foo', version: 'c2', provider: 'Bar' });
    await done;
    done = settled(app, 2);
    await publish(app, { consumer: 'Foo', version: 'c3', provider: 'Bar', interactions: ['changed'] });
    await done;
    const events = receiver.received.map((r) => `${JSON.parse(r.body).consumerVersion} ${JSON.parse(r.body).event}`);
    expect(events.sort()).toEqual([
      'c1 contract_content_changed',
      'c1 contract_published',
      'c2 contract_published',
      'c3 contract_content_changed',
      'c3 contract_published',
    ]);
  });
});

describe('webhooks scoped by label', () => {
  it("fire for pacticipants carrying the label, and not for the others, with both sides' labels", async () => {
    receiver = await startReceiver();
    app = await testBroker();
    await app.inject({ method: 'PUT', url: '/pacticipants/Foo/labels/mobile', payload: {} });
    await app.inject({ method: 'PUT', url: '/pacticipants/Foo/labels/ios', payload: {} });
    await app.inject({ method: 'PUT', url: '/pacticipants/Bar/labels/backend', payload: {} });
    const definition = webhookTo(receiver.url, ['contract_published']);
    await createWebhook(app, {
      ...definition,
      request: { ...definition.request, body: { labels: `${param('consumerLabels')} / ${param('providerLabels')}` } },
      consumer: { label: 'mobile' },
    });
    const done = settled(app, 1);
    await publish(app, { consumer: 'Other', version: 'o1', provider: 'Bar' });
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar' });
    await done;
    // Other's publication queued nothing: the only triggered webhook is Foo's.
    const triggered = await app.inject('/pacts/provider/Bar/consumer/Other/version/o1/triggered-webhooks');
    expect(triggered.json()._embedded.triggeredWebhooks).toEqual([]);
    expect(receiver.received.map((r) => JSON.parse(r.body).labels)).toEqual(['ios, mobile / backend']);
  });
});

describe('verification events', () => {
  it('fires provider_verification_published and _failed (not _succeeded) with the result URL and provider version', async () => {
    receiver = await startReceiver();
    app = await testBroker();
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar', branch: 'main' });
    await createWebhook(
      app,
      webhookTo(receiver.url, [
        'provider_verification_published',
        'provider_verification_succeeded',
        'provider_verification_failed',
      ]),
    );
    const done = settled(app, 2);
    const result = await verifyPact(app, {
      consumer: 'Foo',
      consumerVersion: 'c1',
      providerVersion: 'p9',
      branch: 'feat/y',
      success: false,
    });
    await done;
    const resultUrl = result.json()._links.self.href;
    const bodies = receiver.received.map((r) => JSON.parse(r.body)).sort((a, b) => a.event.localeCompare(b.event));
    const common = {
      pactUrl: result.json()._links['pb:pact-version'].href,
      resultUrl,
      providerVersion: 'p9',
      providerBranch: 'feat/y',
      consumerVersion: 'c1',
      consumerBranch: 'main',
      github: 'failure',
      descriptions: '',
    };
    expect(bodies).toEqual([
      { ...common, event: 'provider_verification_failed' },
      { ...common, event: 'provider_verification_published' },
    ]);
    const triggered = (await app.inject(path(result.json()._links['pb:triggered-webhooks'].href))).json();
    expect(triggered._embedded.triggeredWebhooks.map((t: { eventName: string }) => t.eventName).sort()).toEqual([
      'provider_verification_failed',
      'provider_verification_published',
    ]);
  });
});

describe('retries', () => {
  it('retries a receiver that is down on the schedule, and the logs say so', async () => {
    app = await testBroker({ webhooks: { retrySchedule: [0, 0] } });
    await createWebhook(app, webhookTo(await refusingUrl(), ['contract_published']));
    const failed = attemptWhere(app, (e) => e.status === 'failure');
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar' });
    expect(await failed).toMatchObject({ attemptsMade: 3, success: false });

    const pact = (await app.inject('/pacts/provider/Bar/consumer/Foo/version/c1')).json();
    const [triggered] = (await app.inject(path(pact._links['pb:triggered-webhooks'].href))).json()._embedded
      .triggeredWebhooks;
    expect(triggered).toMatchObject({ status: 'failure', attemptsMade: 3, attemptsRemaining: 0 });
    const logs = (await app.inject(path(triggered._links['pb:logs'].href))).json();
    expect(logs.executions.map((e: { success: boolean }) => e.success)).toEqual([false, false, false]);
    const text = logs.executions.map((e: { logs: string }) => e.logs);
    expect(text[0]).toContain('ECONNREFUSED');
    expect(text[0]).toContain('attempt 1 of 3');
    expect(text[0]).toContain('Retrying webhook in 0 seconds');
    expect(text[2]).toContain('Webhook execution failed after 3 attempts');
    expect(text.join('')).not.toContain(SECRET);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    receiver = await startReceiver({ hang: true });
    app = await testBroker({ webhooks: { retrySchedule: [], timeoutMs: 200 } });
    await createWebhook(app, webhookTo(receiver.url, ['contract_published']));
    const failed = attemptWhere(app, (e) => e.status === 'failure');
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar' });
    await failed;
    const pact = (await app.inject('/pacts/provider/Bar/consumer/Foo/version/c1')).json();
    const [triggered] = (await app.inject(path(pact._links['pb:triggered-webhooks'].href))).json()._embedded
      .triggeredWebhooks;
    const logs = await app.inject({ url: path(triggered._links['pb:logs'].href), headers: { accept: 'text/plain' } });
    expect(logs.headers['content-type']).toMatch(/^text\/plain/);
    expect(logs.body).toContain('no response within 200 ms (BROKER_WEBHOOK_TIMEOUT_MS)');
    expect(logs.body).toContain('Webhook execution failed after 1 attempts');
  });
});

describe('durability', () => {
  it('runs after a restart the webhooks that were queued before it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'broker-webhooks-'));
    dirs.push(dataDir);
    receiver = await startReceiver();
    // An instance that queues but runs nothing, as a broker stopped before its runner got to the row.
    const first = await testBroker({ dataDir, webhooks: { run: false } });
    await createWebhook(first, webhookTo(receiver.url, ['contract_published']));
    await publish(first, { consumer: 'Foo', version: 'c1', provider: 'Bar' });
    await first.close();
    expect(receiver.received).toEqual([]);

    app = await testBroker({ dataDir });
    const done = settled(app, 1);
    await app.ready();
    const [request] = await receiver.waitFor(1);
    await done;
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ consumerVersion: 'c1', event: 'contract_published' });
  });
});

describe('executing by hand', () => {
  it('executes a saved webhook now with the latest pact, secrets redacted and the response body hidden', async () => {
    receiver = await startReceiver({ body: 'build queued' });
    app = await testBroker();
    await publish(app, { consumer: 'Foo', version: 'c1', provider: 'Bar' });
    const uuid = await createWebhook(
      app,
      webhookTo(receiver.url, ['contract_published'], { password: 'pw-secret-1', username: 'ci' }),
    );
    const response = await app.inject({ method: 'POST', url: `/webhooks/${uuid}/execute` });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      success: true,
      response: { status: 200 },
      request: { headers: { Authorization: '**********' } },
    });
    expect(result.response.body).toBeUndefined();
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('pw-secret-1');
    expect(response.body).not.toContain('build queued');
    const [request] = receiver.received;
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ consumerVersion: 'c1', event: 'test' });
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('ci:pw-secret-1').toString('base64')}`);
    // A test execution is not a triggered webhook.
    const pact = (await app.inject('/pacts/provider/Bar/consumer/Foo/version/c1')).json();
    expect(
      (await app.inject(path(pact._links['pb:triggered-webhooks'].href))).json()._embedded.triggeredWebhooks,
    ).toEqual([]);
    // The stored definition does not show the header's secret either.
    expect((await app.inject(`/webhooks/${uuid}`)).body).not.toContain(SECRET);
  });

  it('executes an unsaved webhook, showing the response body once a host allow-list is set', async () => {
    receiver = await startReceiver({ body: 'build queued' });
    app = await testBroker({ webhooks: { allow: { schemes: ['http'], hosts: ['127.0.0.0/8'] } } });
    const response = await app.inject({
      method: 'POST',
      url: '/webhooks/execute',
      payload: webhookTo(receiver.url, ['contract_published']),
    });
    expect(response.json()).toMatchObject({ success: true, response: { status: 200, body: 'build queued' } });
    expect(JSON.parse(receiver.received[0]?.body ?? '{}').pactUrl).toBe(
      'http://broker.test/pacts/provider/placeholder-provider/consumer/placeholder-consumer/latest',
    );
  });
});

describe('allow-list', () => {
  it('refuses a webhook whose host or scheme is not allowed, naming the setting', async () => {
    app = await testBroker({ webhooks: { allow: { schemes: ['https'], hosts: ['*.ci.example.com', '10.0.0.0/8'] } } });
    const refused = async (url: string) =>
      (
        await app?.inject({ method: 'POST', url: '/webhooks', payload: webhookTo(url, ['contract_published']) })
      )?.json();
    expect(await refused('http://jenkins.ci.example.com')).toMatchObject({
      statusCode: 400,
      code: 'BROKER_INVALID_REQUEST',
      errors: { 'request.url': ['scheme must be https (BROKER_WEBHOOK_SCHEME_WHITELIST), not http'] },
    });
    expect((await refused('https://evil.example.com')).errors).toEqual({
      'request.url': ['host evil.example.com is not in BROKER_WEBHOOK_HOST_WHITELIST'],
    });
    expect((await refused('https://127.0.0.1')).errors['request.url']).toEqual([
      'host 127.0.0.1 is not in BROKER_WEBHOOK_HOST_WHITELIST',
    ]);
    for (const allowed of ['https://jenkins.ci.example.com/x', 'https://10.1.2.3/hook']) {
      expect(
        (await app.inject({ method: 'POST', url: '/webhooks', payload: webhookTo(allowed, ['contract_published']) }))
          .statusCode,
      ).toBe(201);
    }
  });
});

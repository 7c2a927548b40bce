import { describe, expect, it } from 'vitest';
import { path, publish } from '../../helpers/broker.ts';
import { type Receiver, receiverPerTest } from '../../helpers/webhooks.ts';
import { freshBroker } from '../support.ts';

// The real spec reads the triggered webhook's event context; here the same facts are what the webhook's templated
// body says when it reaches a receiver.
describe('spec/features/metadata_spec.rb', () => {
  const broker = freshBroker();
  const newReceiver = receiverPerTest();

  /**
   * Foo version 1, tagged dev and prod, and version 2 with the same content tagged prod only: the pact version's
   * latest publication is version 2, so only the selection in the URL can name version 1. A global webhook on
   * published verification results sends the consumer version and its tags.
   */
  async function setUp() {
    const receiver = await newReceiver();
    await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar', tags: ['dev', 'prod'] });
    await publish(broker.app, { consumer: 'Foo', version: '2', provider: 'Bar', tags: ['prod'] });
    const webhook = await broker.post('/webhooks', {
      events: [{ name: 'provider_verification_published' }],
      request: {
        method: 'POST',
        url: `${receiver.url}/hook`,
        body: { version: '${pactbroker.consumerVersionNumber}', tags: '${pactbroker.consumerVersionTags}' },
      },
    });
    expect(webhook.statusCode).toBe(201);
    return receiver;
  }

  /** Fetches the pact at `pactPath`, publishes a result to its results link, and returns what the webhook sent. */
  async function verifyThrough(receiver: Receiver, pactPath: string) {
    const pact = await broker.get(pactPath);
    expect(pact.statusCode).toBe(200);
    const resultsUrl = path(pact.json()._links['pb:publish-verification-results'].href);
    const result = await broker.post(resultsUrl, { success: true, providerApplicationVersion: '4.5.6' });
    expect(result.statusCode).toBe(201);
    const [hook] = await receiver.waitFor(1);
    return JSON.parse(hook?.body ?? '{}');
  }

  it('"when verifying the latest pact by URL": passes the consumer version number into the verification event context', async () => {
    expect(await verifyThrough(await setUp(), '/pacts/provider/Bar/consumer/Foo/latest')).toEqual({
      version: '2',
      tags: 'prod',
    });
  });

  it('"when verifying the latest pact for a tag by URL": passes the consumer version number and tag into the triggered webhook event context', async () => {
    expect(await verifyThrough(await setUp(), '/pacts/provider/Bar/consumer/Foo/latest/dev')).toEqual({
      version: '1',
      tags: 'dev',
    });
  });

  it('"when verifying pacts via the pacts for verification API": passes the consumer version number and tag into the triggered webhook event context', async () => {
    const receiver = await setUp();
    const selection = await broker.post('/pacts/provider/Bar/for-verification', {
      consumerVersionSelectors: [{ tag: 'dev', latest: true }],
    });
    const [pact] = selection.json()._embedded.pacts;
    expect(await verifyThrough(receiver, path(pact._links.self.href))).toEqual({ version: '1', tags: 'dev' });
  });

  it('a pact fetched by its version number: its webhooks name that version, not the latest with the same content', async () => {
    expect(await verifyThrough(await setUp(), '/pacts/provider/Bar/consumer/Foo/version/1')).toEqual({
      version: '1',
      tags: 'dev, prod',
    });
  });
});

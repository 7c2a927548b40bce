import { afterEach, describe, expect, it } from 'vitest';
import { path as pathOf } from '../../helpers/broker.ts';
import { type Receiver, startReceiver } from '../../helpers/webhooks.ts';
import { rows } from '../rows.ts';
import { freshBroker, HAL } from '../support.ts';
import { revisedPact, verificationContent } from '../verification-setup.ts';

describe('spec/features/publish_verification_spec.rb', () => {
  const broker = freshBroker();
  const post = (sha: string) =>
    broker.post(
      `/pacts/provider/Provider/consumer/Consumer/pact-version/${sha}/verification-results`,
      verificationContent,
    );

  it('Responds with a 201 Created; saves new verification', async () => {
    const sha = await revisedPact(broker.app);
    const response = await post(sha);
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
    expect(await rows(broker.app, 'verifications')).toBe(1);
  });

  it('saves the verification against the correct pact; saves the test results', async () => {
    const sha = await revisedPact(broker.app);
    await post(sha);
    const latest = await broker.get(
      '/pacts/provider/Provider/consumer/Consumer/version/1.2.3/verification-results/latest',
    );
    expect(latest.json()._links['pb:pact-version'].href).toContain(`/pact-version/${sha}`);
    expect(latest.json().testResults).toEqual({ some: 'results' });
    // Version 1.0.0's pact is not verified by it.
    const other = await broker.get(
      '/pacts/provider/Provider/consumer/Consumer/version/1.0.0/verification-results/latest',
    );
    expect(other.statusCode).toBe(404);
  });

  it('returns a link to itself that can be followed', async () => {
    const sha = await revisedPact(broker.app);
    const self = (await post(sha)).json()._links.self.href;
    const response = await broker.get(pathOf(self), { accept: 'application/hal+json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject(verificationContent);
  });

  describe('with a webhook configured', () => {
    let receiver: Receiver | undefined;
    afterEach(() => receiver?.close());

    it('executes the webhook', async () => {
      receiver = await startReceiver();
      await broker.post('/webhooks', {
        events: [{ name: 'provider_verification_published' }],
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a webhook template parameter, filled in by the broker
        request: { method: 'POST', url: receiver.url, body: { version: '${pactbroker.providerVersionNumber}' } },
      });
      const sha = await revisedPact(broker.app);
      await post(sha);
      const [received] = await receiver.waitFor(1);
      expect(received?.method).toBe('POST');
      expect(JSON.parse(received?.body ?? '{}')).toEqual({ version: '4.5.6' });
    });
  });
});

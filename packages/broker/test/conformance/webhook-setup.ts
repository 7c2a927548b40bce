import type { FastifyInstance } from 'fastify';

/**
 * A webhook on every event the real delete specs involve, so publishing and verifying leave triggered webhooks
 * behind. The brokers using it are built with `webhooks: { run: false }`: the rows stay queued, nothing is sent.
 */
export async function webhookOnEverything(app: FastifyInstance): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: '/webhooks',
    payload: {
      description: 'a webhook',
      events: [{ name: 'contract_published' }, { name: 'provider_verification_published' }],
      request: { method: 'POST', url: 'https://example.org/hook', body: { pact: '${pactbroker.pactUrl}' } },
    },
  });
  if (response.statusCode !== 201) throw new Error(`webhook failed: ${response.statusCode} ${response.body}`);
}

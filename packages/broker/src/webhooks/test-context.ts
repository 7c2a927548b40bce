import type { Repositories } from '../db/repositories.ts';
import type { Webhook } from '../db/webhooks-repository.ts';
import type { Urls } from '../hal.ts';
import { emptyContext, type TemplateContext, verificationStatuses } from './template.ts';
import { EVENTS, labelParameters } from './triggers.ts';

const VERIFICATION_EVENTS: readonly string[] = [
  EVENTS.verificationPublished,
  EVENTS.verificationSucceeded,
  EVENTS.verificationFailed,
];

/**
 * The parameters for running a webhook by hand (`…/execute`): the latest pact between its pacticipants and, for a
 * verification webhook, that pact's latest result; placeholders where there is none, as the real broker does.
 */
export async function testExecutionContext(
  repos: Repositories,
  urls: Urls,
  webhook: Pick<Webhook, 'consumerId' | 'providerId' | 'events'>,
): Promise<TemplateContext> {
  const context = emptyContext('test');
  let publication: Awaited<ReturnType<Repositories['pacts']['latestPublication']>>;
  if (webhook.consumerId !== null && webhook.providerId !== null) {
    publication = await repos.pacts.latestPublication(webhook.providerId, webhook.consumerId);
  } else {
    const candidates = await repos.pacts.latestPublications();
    publication = candidates
      .filter((p) => webhook.consumerId === null || p.consumerId === webhook.consumerId)
      .filter((p) => webhook.providerId === null || p.providerId === webhook.providerId)
      .sort((a, b) => b.consumerVersionId - a.consumerVersionId)[0];
  }
  if (!publication) {
    const consumer = 'placeholder-consumer';
    const provider = 'placeholder-provider';
    return {
      ...context,
      ...verificationStatuses(undefined),
      'pactbroker.consumerName': consumer,
      'pactbroker.providerName': provider,
      'pactbroker.consumerVersionNumber': 'placeholder-consumer-version',
      'pactbroker.pactUrl': urls.latestPact(provider, consumer),
    };
  }
  const verification = webhook.events.some((e) => VERIFICATION_EVENTS.includes(e.name))
    ? await repos.verifications.latestForPactVersion(publication.pactVersionId)
    : undefined;
  const { providerName: p, consumerName: c, sha } = publication;
  return {
    ...context,
    ...verificationStatuses(verification?.success),
    'pactbroker.pactUrl': urls.pactVersion(p, c, sha),
    'pactbroker.consumerName': c,
    'pactbroker.providerName': p,
    ...(await labelParameters(repos, publication.consumerId, publication.providerId)),
    'pactbroker.consumerVersionNumber': publication.consumerVersionNumber,
    ...(verification
      ? {
          'pactbroker.verificationResultUrl': urls.verificationResult(p, c, sha, verification.number),
          'pactbroker.providerVersionNumber': verification.providerVersionNumber,
          'pactbroker.buildUrl': verification.buildUrl ?? '',
        }
      : {}),
  };
}

import type { Verification } from '../db/verifications-repository.ts';
import { link, templated, type Urls } from '../hal.ts';
import type { JsonObject } from '../pacts/content.ts';

export interface PactView {
  content: JsonObject;
  consumerName: string;
  providerName: string;
  consumerVersionNumber: string;
  sha: string;
  createdAt: string;
  /** The URL the pact was fetched from; its metadata segment carries on to the results link. */
  selfHref: string;
  metadata?: string;
}

/** The stored pact JSON plus `createdAt` and the links the verifiers follow. */
export function pactResource(urls: Urls, pact: PactView) {
  return { ...pact.content, ...pactAdditions(urls, pact) };
}

/** What the broker adds to a stored pact: `createdAt` and the links. */
export function pactAdditions(urls: Urls, pact: Omit<PactView, 'content'>) {
  const { consumerName: c, providerName: p, consumerVersionNumber: v, sha } = pact;
  const name = `Pact between ${c} (${v}) and ${p}`;
  return {
    createdAt: pact.createdAt,
    _links: {
      self: link(pact.selfHref, { title: 'Pact', name }),
      'pb:consumer': link(urls.pacticipant(c), { title: 'Consumer', name: c }),
      'pb:consumer-version': link(urls.version(c, v), { title: 'Consumer version', name: v }),
      'pb:consumer-versions': [link(urls.version(c, v), { title: 'Consumer version', name: v })],
      'pb:provider': link(urls.pacticipant(p), { title: 'Provider', name: p }),
      'pb:pact-version': link(urls.pactVersion(p, c, sha), { title: 'Pact content version permalink', name: sha }),
      'pb:latest-pact-version': link(urls.latestPact(p, c), { title: 'Latest version of this pact' }),
      'pb:all-pact-versions': link(`${urls.pactsBetween(p, c)}/versions`, { title: 'All versions of this pact' }),
      'pb:latest-untagged-pact-version': link(`${urls.latestPact(p, c)}-untagged`, {
        title: 'Latest untagged version of this pact',
      }),
      'pb:latest-tagged-pact-version': templated(
        `${urls.latestPact(p, c)}/{tag}`,
        'Latest tagged version of this pact',
      ),
      'pb:publish-verification-results': link(urls.verificationResults(p, c, sha, pact.metadata), {
        title: 'Publish verification results',
      }),
      'pb:latest-verification-results': link(urls.latestVerificationResult(p, c, sha), {
        title: 'Latest verification results',
      }),
      'pb:matrix-for-consumer-version': link(urls.matrixForConsumerVersion(c, v), {
        title: 'View matrix rows for the consumer version to which this pact belongs',
      }),
      'pb:previous-distinct': link(`${urls.pact(p, c, v)}/previous-distinct`, {
        title: 'Previous distinct version of this pact',
      }),
      'pb:diff-previous-distinct': link(`${urls.pact(p, c, v)}/diff/previous-distinct`, {
        title: 'Diff with previous distinct version of this pact',
      }),
      'pb:diff': templated(`${urls.pact(p, c, v)}/diff/version/{version}`, 'Diff with another specified version of this pact'),
      'pb:tag-version': templated(`${urls.version(c, v)}/tags/{tag}`, 'Tag the consumer version'),
      'pb:triggered-webhooks': link(urls.pactTriggeredWebhooks(p, c, v), {
        title: 'Webhooks triggered by the publication of this pact',
      }),
    },
  };
}

export function verificationResource(urls: Urls, verification: Verification) {
  const { consumerName: c, providerName: p, sha } = verification;
  return {
    providerName: p,
    providerApplicationVersion: verification.providerVersionNumber,
    success: verification.success,
    verificationDate: verification.createdAt,
    buildUrl: verification.buildUrl,
    ...(verification.testResults !== null ? { testResults: verification.testResults } : {}),
    ...(verification.verifiedBy !== null ? { verifiedBy: verification.verifiedBy } : {}),
    wip: verification.wip,
    ...(verification.pending !== null ? { pending: verification.pending } : {}),
    _links: {
      self: link(urls.verificationResult(p, c, sha, verification.number), {
        title: 'Verification result',
        name: `Verification result ${verification.number} for Pact between ${c} and ${p}`,
      }),
      'pb:pact-version': link(urls.pactVersion(p, c, sha), { title: 'Pact', name: `Pact between ${c} and ${p}` }),
      'pb:provider-version': link(urls.version(p, verification.providerVersionNumber), {
        title: 'Provider version',
        name: verification.providerVersionNumber,
      }),
      'pb:consumer': link(urls.pacticipant(c), { title: 'Consumer', name: c }),
      'pb:provider': link(urls.pacticipant(p), { title: 'Provider', name: p }),
      'pb:triggered-webhooks': link(urls.verificationTriggeredWebhooks(p, c, sha, verification.number), {
        title: 'Webhooks triggered by the publication of this verification result',
      }),
    },
  };
}

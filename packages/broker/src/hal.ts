/** HAL: links, URL templates and the one content type every broker resource is served with. */
export const HAL_CONTENT_TYPE = 'application/hal+json;charset=utf-8';

export interface Link {
  href: string;
  title?: string;
  name?: string;
  templated?: boolean;
}

export function link(href: string, extra: Omit<Link, 'href'> = {}): Link {
  return { href, ...extra };
}

export function templated(href: string, title?: string): Link {
  return { href, ...(title !== undefined ? { title } : {}), templated: true };
}

/** A path segment; `/` in a branch name or version becomes `%2F`. */
export const seg = (value: string | number): string => encodeURIComponent(String(value));

/** Builds every absolute href the broker serves from one base URL. */
export function createUrls(base: string) {
  const pacticipant = (p: string) => `${base}/pacticipants/${seg(p)}`;
  const version = (p: string, v: string) => `${pacticipant(p)}/versions/${seg(v)}`;
  const pactsBetween = (provider: string, consumer: string) =>
    `${base}/pacts/provider/${seg(provider)}/consumer/${seg(consumer)}`;
  const pactVersion = (provider: string, consumer: string, sha: string, metadata?: string) =>
    `${pactsBetween(provider, consumer)}/pact-version/${seg(sha)}${metadata ? `/metadata/${metadata}` : ''}`;
  const environment = (uuid: string) => `${base}/environments/${seg(uuid)}`;

  return {
    base,
    index: () => `${base}/`,
    pacticipants: () => `${base}/pacticipants`,
    pacticipant,
    versions: (p: string) => `${pacticipant(p)}/versions`,
    version,
    latestVersion: (p: string, tag?: string) =>
      `${pacticipant(p)}/latest-version${tag !== undefined ? `/${seg(tag)}` : ''}`,
    tag: (p: string, v: string, t: string) => `${version(p, v)}/tags/${seg(t)}`,
    tags: (p: string, v: string) => `${version(p, v)}/tags`,
    branches: (p: string) => `${pacticipant(p)}/branches`,
    branch: (p: string, b: string) => `${pacticipant(p)}/branches/${seg(b)}`,
    branchVersions: (p: string, b: string) => `${pacticipant(p)}/branches/${seg(b)}/versions`,
    latestBranchVersion: (p: string, b: string) => `${pacticipant(p)}/branches/${seg(b)}/latest-version`,
    tagVersions: (p: string, t: string) => `${pacticipant(p)}/tags/${seg(t)}/versions`,
    environmentVersions: (p: string, envUuid: string) => `${pacticipant(p)}/environments/${seg(envUuid)}/versions`,
    branchVersion: (p: string, b: string, v: string) => `${pacticipant(p)}/branches/${seg(b)}/versions/${seg(v)}`,
    recordDeployment: (p: string, v: string, envUuid: string) =>
      `${version(p, v)}/deployed-versions/environment/${seg(envUuid)}`,
    recordRelease: (p: string, v: string, envUuid: string) =>
      `${version(p, v)}/released-versions/environment/${seg(envUuid)}`,
    pactsBetween,
    pact: (provider: string, consumer: string, consumerVersion: string) =>
      `${pactsBetween(provider, consumer)}/version/${seg(consumerVersion)}`,
    latestPact: (provider: string, consumer: string, tag?: string) =>
      `${pactsBetween(provider, consumer)}/latest${tag !== undefined ? `/${seg(tag)}` : ''}`,
    pactVersion,
    verificationResults: (provider: string, consumer: string, sha: string, metadata?: string) =>
      `${pactVersion(provider, consumer, sha, metadata)}/verification-results`,
    verificationResult: (provider: string, consumer: string, sha: string, number: number) =>
      `${pactVersion(provider, consumer, sha)}/verification-results/${number}`,
    latestVerificationResult: (provider: string, consumer: string, sha: string) =>
      `${pactVersion(provider, consumer, sha)}/verification-results/latest`,
    latestVerificationsForConsumerVersion: (consumer: string, consumerVersion: string) =>
      `${base}/verification-results/consumer/${seg(consumer)}/version/${seg(consumerVersion)}/latest`,
    providerPacts: (provider: string) => `${base}/pacts/provider/${seg(provider)}`,
    latestProviderPacts: (provider: string, tag?: string) =>
      `${base}/pacts/provider/${seg(provider)}/latest${tag !== undefined ? `/${seg(tag)}` : ''}`,
    forVerification: (provider: string) => `${base}/pacts/provider/${seg(provider)}/for-verification`,
    latestPacts: () => `${base}/pacts/latest`,
    matrixForConsumerVersion: (consumer: string, consumerVersion: string) =>
      `${base}/matrix?q[][pacticipant]=${seg(consumer)}&q[][version]=${seg(consumerVersion)}&latestby=cvpv`,
    environments: () => `${base}/environments`,
    environment,
    currentlyDeployed: (uuid: string) => `${environment(uuid)}/deployed-versions/currently-deployed`,
    currentlySupported: (uuid: string) => `${environment(uuid)}/released-versions/currently-supported`,
    deployedVersion: (uuid: string) => `${base}/deployed-versions/${seg(uuid)}`,
    releasedVersion: (uuid: string) => `${base}/released-versions/${seg(uuid)}`,
    webhooks: () => `${base}/webhooks`,
    webhook: (uuid: string) => `${base}/webhooks/${seg(uuid)}`,
    executeWebhook: (uuid: string) => `${base}/webhooks/${seg(uuid)}/execute`,
    executeUnsavedWebhook: () => `${base}/webhooks/execute`,
    triggeredWebhookLogs: (uuid: string) => `${base}/triggered-webhooks/${seg(uuid)}/logs`,
    pactTriggeredWebhooks: (provider: string, consumer: string, consumerVersion: string) =>
      `${pactsBetween(provider, consumer)}/version/${seg(consumerVersion)}/triggered-webhooks`,
    verificationTriggeredWebhooks: (provider: string, consumer: string, sha: string, number: number) =>
      `${pactVersion(provider, consumer, sha)}/verification-results/${number}/triggered-webhooks`,
    publishContracts: () => `${base}/contracts/publish`,
  };
}

export type Urls = ReturnType<typeof createUrls>;

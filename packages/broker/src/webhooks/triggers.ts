import { randomUUID } from 'node:crypto';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow } from '../db/schema.ts';
import type { NewTriggeredWebhook } from '../db/triggered-webhooks-repository.ts';
import type { Verification } from '../db/verifications-repository.ts';
import type { Urls } from '../hal.ts';
import { selectedConsumerVersionIds, selectedTags } from '../pacts/metadata.ts';
import { emptyContext, type TemplateContext, verificationStatuses } from './template.ts';

export const EVENTS = {
  contractPublished: 'contract_published',
  contractContentChanged: 'contract_content_changed',
  contractRequiringVerificationPublished: 'contract_requiring_verification_published',
  verificationPublished: 'provider_verification_published',
  verificationSucceeded: 'provider_verification_succeeded',
  verificationFailed: 'provider_verification_failed',
} as const;

/** What the trigger code needs beside the transaction: hrefs and the queue's clock. */
export interface TriggerEnv {
  urls: Urls;
  at: string;
}

async function versionFacts(repos: Repositories, versionId: number) {
  const [branches, tags] = await Promise.all([
    repos.branches.forVersions([versionId]),
    repos.tags.forVersions([versionId]),
  ]);
  return {
    branch: branches.get(versionId)?.at(-1)?.branchName ?? '',
    tags: (tags.get(versionId) ?? []).map((t) => t.name).join(', '),
  };
}

/** A provider version that has not verified the pact version: one trigger of the requiring-verification event each. */
interface RequiredVerification {
  versionId: number;
  number: string;
  branch: string;
  descriptions: string[];
}

/**
 * The real broker's rule: the head of the provider's main branch and every version currently deployed or
 * released, de-duplicated, less those that already verified this content.
 */
async function requiredVerifications(
  repos: Repositories,
  provider: PacticipantRow,
  pactVersionId: number,
): Promise<RequiredVerification[]> {
  const found = new Map<number, RequiredVerification>();
  const add = async (versionId: number, number: string, description: string, mainBranch?: string) => {
    const known = found.get(versionId);
    if (known) {
      known.descriptions.push(description);
      if (mainBranch) known.branch = mainBranch;
      return;
    }
    const branch = mainBranch ?? (await versionFacts(repos, versionId)).branch;
    found.set(versionId, { versionId, number, branch, descriptions: [description] });
  };
  if (provider.main_branch) {
    const branch = await repos.branches.find(provider.id, provider.main_branch);
    const head = branch && (await repos.branches.latestVersionId(branch.id));
    const version = head !== undefined && head !== null ? await repos.versions.findById(head) : undefined;
    if (version) await add(version.id, version.number, 'latest from main branch', provider.main_branch);
  }
  for (const d of await repos.deployments.listDeployed({ pacticipantId: provider.id, currentOnly: true })) {
    await add(d.versionId, d.versionNumber, `deployed in ${d.environmentName}`);
  }
  for (const r of await repos.deployments.listReleased({ pacticipantId: provider.id, currentOnly: true })) {
    await add(r.versionId, r.versionNumber, `released in ${r.environmentName}`);
  }
  const required: RequiredVerification[] = [];
  for (const candidate of found.values()) {
    if (!(await repos.verifications.exists(pactVersionId, candidate.versionId))) required.push(candidate);
  }
  return required;
}

function rows(
  webhooks: { uuid: string }[],
  eventName: string,
  base: Omit<NewTriggeredWebhook, 'uuid' | 'webhookUuid' | 'eventName' | 'context'>,
  contexts: TemplateContext[],
): NewTriggeredWebhook[] {
  return webhooks.flatMap((webhook) =>
    contexts.map((context) => ({
      ...base,
      uuid: randomUUID(),
      webhookUuid: webhook.uuid,
      eventName,
      context: { ...context, 'pactbroker.eventName': eventName },
    })),
  );
}

export interface PublishedPact {
  consumer: PacticipantRow;
  provider: PacticipantRow;
  consumerVersionId: number;
  consumerVersionNumber: string;
  consumerBranch?: string;
  consumerTags: string[];
  buildUrl: string | null;
  pactVersionId: number;
  sha: string;
  /** False when the consumer version republished what it had already published. */
  changed: boolean;
  /** The consumer version already had a pact for the provider, and this publication changed it (a merge). */
  revised: boolean;
}

/** `${pactbroker.consumerLabels}` and `…providerLabels`: each pacticipant's labels, comma-separated. */
export async function labelParameters(repos: Repositories, consumerId: number, providerId: number) {
  const names = async (id: number) => (await repos.labels.forPacticipant(id)).map((l) => l.name).join(', ');
  return { 'pactbroker.consumerLabels': await names(consumerId), 'pactbroker.providerLabels': await names(providerId) };
}

/** Queues, in the publishing transaction, the webhooks that a pact publication triggers. */
export async function triggerForPublication(
  repos: Repositories,
  env: TriggerEnv,
  pact: PublishedPact,
): Promise<number> {
  const find = (event: string) => repos.webhooks.toTrigger(pact.consumer.id, pact.provider.id, event);
  const [published, changed, requiring] = await Promise.all([
    find(EVENTS.contractPublished),
    find(EVENTS.contractContentChanged),
    find(EVENTS.contractRequiringVerificationPublished),
  ]);
  if (published.length + changed.length + requiring.length === 0) return 0;

  const latest = await repos.verifications.latestForPactVersion(pact.pactVersionId);
  const context: TemplateContext = {
    ...emptyContext(''),
    ...verificationStatuses(latest?.success),
    'pactbroker.pactUrl': env.urls.pactVersion(pact.provider.name, pact.consumer.name, pact.sha),
    'pactbroker.consumerName': pact.consumer.name,
    'pactbroker.providerName': pact.provider.name,
    ...(await labelParameters(repos, pact.consumer.id, pact.provider.id)),
    'pactbroker.consumerVersionNumber': pact.consumerVersionNumber,
    'pactbroker.consumerVersionBranch': pact.consumerBranch ?? '',
    'pactbroker.consumerVersionTags': pact.consumerTags.join(', '),
    'pactbroker.buildUrl': pact.buildUrl ?? '',
    ...(latest
      ? {
          'pactbroker.verificationResultUrl': env.urls.verificationResult(
            latest.providerName,
            latest.consumerName,
            latest.sha,
            latest.number,
          ),
          'pactbroker.providerVersionNumber': latest.providerVersionNumber,
        }
      : {}),
  };
  const base = {
    triggerType: 'resource_creation' as const,
    consumerId: pact.consumer.id,
    providerId: pact.provider.id,
    consumerVersionId: pact.consumerVersionId,
    verificationId: null,
    at: env.at,
  };
  const queued = [...rows(published, EVENTS.contractPublished, base, [context])];
  // The rule reads every earlier publication of the integration: only worth it when a webhook listens.
  if (changed.length > 0 && pact.changed && (await contentChanged(repos, pact))) {
    queued.push(...rows(changed, EVENTS.contractContentChanged, base, [context]));
  }
  if (requiring.length > 0) {
    const required = await requiredVerifications(repos, pact.provider, pact.pactVersionId);
    const contexts = required.map((r) => ({
      ...context,
      ...verificationStatuses(undefined),
      'pactbroker.verificationResultUrl': '',
      'pactbroker.providerVersionNumber': r.number,
      'pactbroker.providerVersionBranch': r.branch,
      'pactbroker.providerVersionDescriptions': [...new Set(r.descriptions)].join(', '),
    }));
    queued.push(...rows(requiring, EVENTS.contractRequiringVerificationPublished, base, contexts));
  }
  await repos.triggeredWebhooks.insert(queued);
  return queued.length;
}

/**
 * The real broker's rule for `contract_content_changed`: a revision that changed the version's pact, or, for each
 * of the consumer version's tags (or "untagged" when it has none), the latest earlier version of the integration
 * with that tag published other content or there is none (the pact is new or newly tagged).
 */
async function contentChanged(repos: Repositories, pact: PublishedPact): Promise<boolean> {
  if (pact.revised) return true;
  const earlier = (await repos.pacts.publicationsForIntegration(pact.provider.id, pact.consumer.id)).filter(
    (p) => p.consumerVersionId < pact.consumerVersionId,
  );
  const tags = await repos.tags.forVersions([pact.consumerVersionId, ...earlier.map((p) => p.consumerVersionId)]);
  const tagsOf = (versionId: number) => (tags.get(versionId) ?? []).map((t) => t.name);
  const own = tagsOf(pact.consumerVersionId);
  // Latest first: the first match is the previous pact for that tag.
  const previous = (tag: string | undefined) =>
    earlier.find((p) =>
      tag === undefined ? tagsOf(p.consumerVersionId).length === 0 : tagsOf(p.consumerVersionId).includes(tag),
    );
  return (own.length > 0 ? own : [undefined]).some((tag) => previous(tag)?.pactVersionId !== pact.pactVersionId);
}

/** Queues, in the transaction that stored the result, the webhooks a verification result triggers. */
export async function triggerForVerification(
  repos: Repositories,
  env: TriggerEnv,
  verification: Verification,
  metadata?: string,
): Promise<number> {
  const events = [
    EVENTS.verificationPublished,
    verification.success ? EVENTS.verificationSucceeded : EVENTS.verificationFailed,
  ];
  const found = await Promise.all(
    events.map((event) => repos.webhooks.toTrigger(verification.consumerId, verification.providerId, event)),
  );
  if (found.every((list) => list.length === 0)) return 0;
  const { consumerName: c, providerName: p, sha } = verification;
  // The consumer version the pact URL's metadata says the pact was selected for, else the latest with its content.
  const publications = await repos.pacts.publicationsOfPactVersion(verification.pactVersionId);
  const selected = selectedConsumerVersionIds(metadata);
  const consumerVersion = publications.find((p) => selected.includes(p.consumerVersionId)) ?? publications[0];
  const consumerFacts = consumerVersion
    ? await versionFacts(repos, consumerVersion.consumerVersionId)
    : { branch: '', tags: '' };
  const tagsSelectedBy = consumerVersion ? selectedTags(metadata, consumerVersion.consumerVersionId) : [];
  const providerFacts = await versionFacts(repos, verification.providerVersionId);
  const context: TemplateContext = {
    ...emptyContext(''),
    ...verificationStatuses(verification.success),
    'pactbroker.pactUrl': env.urls.pactVersion(p, c, sha),
    'pactbroker.verificationResultUrl': env.urls.verificationResult(p, c, sha, verification.number),
    'pactbroker.consumerName': c,
    'pactbroker.providerName': p,
    ...(await labelParameters(repos, verification.consumerId, verification.providerId)),
    'pactbroker.consumerVersionNumber': consumerVersion?.consumerVersionNumber ?? '',
    'pactbroker.consumerVersionBranch': consumerFacts.branch,
    'pactbroker.consumerVersionTags': tagsSelectedBy.length > 0 ? tagsSelectedBy.join(', ') : consumerFacts.tags,
    'pactbroker.providerVersionNumber': verification.providerVersionNumber,
    'pactbroker.providerVersionBranch': providerFacts.branch,
    'pactbroker.providerVersionTags': providerFacts.tags,
    'pactbroker.buildUrl': verification.buildUrl ?? '',
  };
  const base = {
    triggerType: 'resource_creation' as const,
    consumerId: verification.consumerId,
    providerId: verification.providerId,
    consumerVersionId: consumerVersion?.consumerVersionId ?? null,
    verificationId: verification.id,
    at: env.at,
  };
  const queued = events.flatMap((event, i) => rows(found[i] ?? [], event, base, [context]));
  await repos.triggeredWebhooks.insert(queued);
  return queued.length;
}

/** The part of the broker context the triggers use. */
export interface WebhookQueue {
  clock: () => Date;
  runner: { wake(): void };
}

/** For publishContracts: queues each stored pact's webhooks in the publishing transaction. */
export function queueForPublications(queue: WebhookQueue, urls: Urls) {
  return async (trx: Repositories, pacts: PublishedPact[]): Promise<void> => {
    const env = { urls, at: queue.clock().toISOString() };
    for (const pact of pacts) await triggerForPublication(trx, env, pact);
  };
}

/** For publishVerification: queues the result's webhooks in the transaction that stores it. */
export function queueForVerification(queue: WebhookQueue, urls: Urls, metadata?: string) {
  return async (trx: Repositories, verification: Verification): Promise<void> => {
    await triggerForVerification(trx, { urls, at: queue.clock().toISOString() }, verification, metadata);
  };
}

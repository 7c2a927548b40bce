import { inTransaction, type Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import {
  ContractConflictError,
  MergeConflictError,
  type Notice,
  PotentialDuplicatePacticipantError,
} from '../errors.ts';
import type { PublishedPact } from '../webhooks/triggers.ts';
import { potentialDuplicateNames } from './duplicate-names.ts';
import { mergeStoredPacts, pactDifference, pactMergeConflicts } from './pact-jobs.ts';
import type { PublishCommand } from './publish-request.ts';

export type { ContractToPublish, PublishCommand } from './publish-request.ts';

export interface PublishedContract {
  consumerName: string;
  providerName: string;
  versionNumber: string;
  outcome: 'created' | 'unchanged' | 'merged';
}

export interface PublishResult {
  pacticipant: PacticipantRow;
  version: VersionRow;
  versionCreated: boolean;
  tags: string[];
  branch?: string;
  contracts: PublishedContract[];
  notices: Notice[];
}

function versionNotice(result: Omit<PublishResult, 'notices' | 'contracts'>): Notice {
  const parts: string[] = [];
  if (result.branch) parts.push(`branch ${result.branch}`);
  if (result.tags.length > 0) parts.push(`${result.tags.length === 1 ? 'tag' : 'tags'} ${result.tags.join(', ')}`);
  const verb = result.versionCreated ? 'Created' : 'Updated';
  const name = `${result.pacticipant.name} version ${result.version.number}`;
  return { type: 'debug', text: `${verb} ${name}${parts.length > 0 ? ` with ${parts.join(' and ')}` : ''}` };
}

function contractNotice(contract: PublishedContract): Notice {
  const what = `${contract.consumerName} version ${contract.versionNumber} and provider ${contract.providerName}`;
  switch (contract.outcome) {
    case 'created':
      return { type: 'success', text: `Pact published for ${what}.` };
    case 'merged':
      return { type: 'success', text: `Pact merged with the existing pact for ${what}.` };
    default:
      return { type: 'success', text: `Pact for ${what} was already published with the same content.` };
  }
}

/** A first publish under a name very like an existing one is refused, as the real broker does (a likely typo). */
async function refusePotentialDuplicates(repos: Repositories, names: string[]): Promise<void> {
  const existing = (await repos.pacticipants.list()).map((p) => p.name);
  for (const name of new Set(names)) {
    const duplicates = potentialDuplicateNames(name, existing);
    if (duplicates.length > 0) throw new PotentialDuplicatePacticipantError(name, duplicates);
  }
}

/**
 * Publishes a consumer version's pacts in one transaction: pacticipants, version, branch and tags are created as
 * needed; content is stored once per integration and SHA. A version that republishes different content (without
 * `onConflict: merge`) is a conflict, and then nothing at all is stored.
 */
export async function publishContracts(
  repos: Repositories,
  command: PublishCommand,
  /** Runs in the same transaction once every pact is stored: the webhooks they trigger are queued with them. */
  onStored?: (trx: Repositories, pacts: PublishedPact[]) => Promise<void>,
): Promise<PublishResult> {
  return inTransaction(repos, async (trx) => {
    await refusePotentialDuplicates(trx, [command.pacticipantName, ...command.contracts.map((c) => c.providerName)]);
    const pacticipant = await trx.pacticipants.findOrCreate(command.pacticipantName);
    const existingVersion = await trx.versions.find(pacticipant.id, command.pacticipantVersionNumber);
    const version = await trx.versions.findOrCreate(pacticipant.id, command.pacticipantVersionNumber, command.buildUrl);
    if (command.branch) await trx.branches.addVersion(pacticipant.id, command.branch, version.id);
    for (const tag of command.tags) {
      await trx.tags.add(pacticipant.id, version.id, tag);
      await trx.pacticipants.adoptMainBranchCandidate(pacticipant.id, tag);
    }

    const contracts: PublishedContract[] = [];
    const stored: PublishedPact[] = [];
    for (const contract of command.contracts) {
      const provider = await trx.pacticipants.findOrCreate(contract.providerName);
      let pact = contract.pact;
      let outcome: PublishedContract['outcome'] = 'created';
      const existing = await trx.pacts.findPublication(version.id, provider.id);
      if (existing && existing.sha === pact.sha) {
        outcome = 'unchanged';
      } else if (existing) {
        const stored = (await trx.pacts.findPactVersionById(existing.pactVersionId))?.content ?? '{}';
        if (contract.onConflict !== 'merge') {
          const difference = await pactDifference(stored, pact.content);
          throw new ContractConflictError(pacticipant.name, version.number, provider.name, difference);
        }
        const conflicts = await pactMergeConflicts(stored, pact.content);
        if (conflicts.length > 0) {
          throw new MergeConflictError(pacticipant.name, version.number, provider.name, conflicts);
        }
        pact = await mergeStoredPacts(stored, pact.content);
        outcome = pact.sha === existing.sha ? 'unchanged' : 'merged';
      }
      const pactVersion = await trx.pacts.findOrCreatePactVersion(pacticipant.id, provider.id, pact.sha, pact.content);
      await trx.pacts.upsertPublication(pacticipant.id, provider.id, version.id, pactVersion.id);
      stored.push({
        consumer: pacticipant,
        provider,
        consumerVersionId: version.id,
        consumerVersionNumber: version.number,
        ...(command.branch ? { consumerBranch: command.branch } : {}),
        consumerTags: command.tags,
        buildUrl: version.build_url,
        pactVersionId: pactVersion.id,
        sha: pactVersion.sha,
        changed: outcome !== 'unchanged',
        revised: outcome === 'merged',
      });
      contracts.push({
        consumerName: pacticipant.name,
        providerName: provider.name,
        versionNumber: version.number,
        outcome,
      });
    }

    if (onStored) await onStored(trx, stored);
    const summary = {
      pacticipant,
      version,
      versionCreated: existingVersion === undefined,
      tags: command.tags,
      ...(command.branch ? { branch: command.branch } : {}),
    };
    return { ...summary, contracts, notices: [versionNotice(summary), ...contracts.map(contractNotice)] };
  });
}

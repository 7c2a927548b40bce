import { isUtf8 } from 'node:buffer';
import { inTransaction, type Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import { BrokerValidationError, ContractConflictError, type Notice } from '../errors.ts';
import { MalformedJsonError, parseJsonText } from '../http/json.ts';
import { nameProblem } from '../http/names.ts';
import {
  contentSha,
  describeDifference,
  isJsonObject,
  type JsonObject,
  mergePacts,
  withInteractionIds,
} from './content.ts';

export interface ContractToPublish {
  consumerName: string;
  providerName: string;
  pact: JsonObject;
  onConflict: 'overwrite' | 'merge' | undefined;
}

export interface PublishCommand {
  pacticipantName: string;
  pacticipantVersionNumber: string;
  branch?: string;
  tags: string[];
  buildUrl?: string;
  contracts: ContractToPublish[];
}

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

/** Branch names that make a pacticipant's main branch when it has none yet. */
const MAIN_BRANCH_CANDIDATES = ['develop', 'main', 'master'];

/**
 * Base64 as the clients send it (RFC 4648, padded, no line breaks). One character class and a length check:
 * a pattern with a repeated group (`(?:[…]{4})*`) recurses per group in V8 and overflows the stack at a few MB.
 */
const BASE64_ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

function nonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function decodePact(
  content: unknown,
  field: string,
  add: (field: string, message: string) => void,
): JsonObject | undefined {
  if (typeof content !== 'string' || content === '') {
    add(field, 'is missing');
    return undefined;
  }
  if (content.length % 4 !== 0 || !BASE64_ALPHABET.test(content)) {
    add(field, 'is not valid Base64');
    return undefined;
  }
  const bytes = Buffer.from(content, 'base64');
  if (!isUtf8(bytes)) {
    add(field, 'is not valid UTF-8');
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = parseJsonText(bytes.toString('utf8'), field);
  } catch (err) {
    // Too deep, or a __proto__ key: refused with its own code, whatever else is wrong.
    if (!(err instanceof MalformedJsonError)) throw err;
    add(field, err.message.slice(field.length + 1));
    return undefined;
  }
  if (isJsonObject(parsed)) return parsed;
  add(field, 'must be a JSON object');
  return undefined;
}

/** Adds a problem for a name that could not be stored and linked to (see NAME_LIMITS). */
function checkName(field: string, value: string, add: (field: string, message: string) => void): void {
  const problem = nameProblem(value);
  if (problem !== undefined) add(field, problem);
}

function nameIn(pact: JsonObject, role: 'consumer' | 'provider'): unknown {
  const party = pact[role];
  return isJsonObject(party) ? party.name : undefined;
}

/** Checks a `POST /contracts/publish` body completely, reporting every problem by field. */
export function parsePublishRequest(body: unknown): PublishCommand {
  const errors: Record<string, string[]> = Object.create(null);
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });

  const { pacticipantName, pacticipantVersionNumber, branch, tags, buildUrl, contracts } = body;
  if (!nonBlank(pacticipantName))
    add('pacticipantName', pacticipantName === undefined ? 'is missing' : "can't be blank");
  else checkName('pacticipantName', pacticipantName, add);
  if (!nonBlank(pacticipantVersionNumber)) {
    add('pacticipantVersionNumber', pacticipantVersionNumber === undefined ? 'is missing' : "can't be blank");
  } else if (/[\r\n]/.test(pacticipantVersionNumber)) {
    add('pacticipantVersionNumber', 'must be a single line');
  } else checkName('pacticipantVersionNumber', pacticipantVersionNumber, add);
  if (branch !== undefined && branch !== null && !nonBlank(branch)) add('branch', "can't be blank");
  else if (nonBlank(branch)) checkName('branch', branch, add);
  const tagList: string[] = [];
  if (tags !== undefined && tags !== null) {
    if (!Array.isArray(tags)) add('tags', 'must be an array');
    else
      tags.forEach((tag, index) => {
        if (!nonBlank(tag)) add(`tags[${index}]`, "can't be blank");
        else {
          checkName(`tags[${index}]`, tag, add);
          tagList.push(tag);
        }
      });
  }
  if (buildUrl !== undefined && buildUrl !== null && typeof buildUrl !== 'string') add('buildUrl', 'must be a string');

  const parsed: ContractToPublish[] = [];
  if (!Array.isArray(contracts) || contracts.length === 0) {
    add('contracts', contracts === undefined ? 'is missing' : 'must be a non-empty array');
  } else {
    contracts.forEach((contract, index) => {
      const at = `contracts[${index}]`;
      if (!isJsonObject(contract)) {
        add(at, 'must be an object');
        return;
      }
      const { consumerName, providerName, specification, contentType, content, onConflict } = contract;
      if (!nonBlank(consumerName)) add(`${at}.consumerName`, 'is missing');
      else if (nonBlank(pacticipantName) && consumerName !== pacticipantName) {
        add(`${at}.consumerName`, `must match pacticipantName ('${pacticipantName}')`);
      }
      if (!nonBlank(providerName)) add(`${at}.providerName`, 'is missing');
      else checkName(`${at}.providerName`, providerName, add);
      if (specification !== 'pact') add(`${at}.specification`, "must be 'pact'");
      if (contentType !== 'application/json') add(`${at}.contentType`, "must be 'application/json'");
      if (onConflict !== undefined && onConflict !== null && onConflict !== 'overwrite' && onConflict !== 'merge') {
        add(`${at}.onConflict`, "must be one of 'overwrite', 'merge'");
      }
      const pact = decodePact(content, `${at}.content`, add);
      if (!pact) return;
      const consumerInPact = nameIn(pact, 'consumer');
      const providerInPact = nameIn(pact, 'provider');
      if (consumerInPact !== undefined && nonBlank(consumerName) && consumerInPact !== consumerName) {
        add(
          `${at}.content`,
          `consumer name in the pact ('${String(consumerInPact)}') must match consumerName ('${consumerName}')`,
        );
      }
      if (providerInPact !== undefined && nonBlank(providerName) && providerInPact !== providerName) {
        add(
          `${at}.content`,
          `provider name in the pact ('${String(providerInPact)}') must match providerName ('${providerName}')`,
        );
      }
      if (nonBlank(consumerName) && nonBlank(providerName)) {
        parsed.push({
          consumerName,
          providerName,
          pact,
          onConflict: onConflict === 'merge' || onConflict === 'overwrite' ? onConflict : undefined,
        });
      }
    });
  }

  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  return {
    pacticipantName: pacticipantName as string,
    pacticipantVersionNumber: pacticipantVersionNumber as string,
    tags: tagList,
    contracts: parsed,
    ...(nonBlank(branch) ? { branch } : {}),
    ...(nonBlank(buildUrl) ? { buildUrl } : {}),
  };
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

/**
 * Publishes a consumer version's pacts in one transaction: pacticipants, version, branch and tags are created as
 * needed; content is stored once per integration and SHA. A version that republishes different content (without
 * `onConflict: merge`) is a conflict, and then nothing at all is stored.
 */
export async function publishContracts(repos: Repositories, command: PublishCommand): Promise<PublishResult> {
  return inTransaction(repos, async (trx) => {
    const pacticipant = await trx.pacticipants.findOrCreate(command.pacticipantName);
    const existingVersion = await trx.versions.find(pacticipant.id, command.pacticipantVersionNumber);
    const version = await trx.versions.findOrCreate(pacticipant.id, command.pacticipantVersionNumber, command.buildUrl);
    if (command.branch) {
      await trx.branches.addVersion(pacticipant.id, command.branch, version.id);
      if (MAIN_BRANCH_CANDIDATES.includes(command.branch)) {
        await trx.pacticipants.setMainBranchIfUnset(pacticipant.id, command.branch);
      }
    }
    for (const tag of command.tags) await trx.tags.add(pacticipant.id, version.id, tag);

    const contracts: PublishedContract[] = [];
    for (const contract of command.contracts) {
      const provider = await trx.pacticipants.findOrCreate(contract.providerName);
      let pact = contract.pact;
      let sha = contentSha(pact);
      let outcome: PublishedContract['outcome'] = 'created';
      const existing = await trx.pacts.findPublication(version.id, provider.id);
      if (existing && existing.sha === sha) {
        outcome = 'unchanged';
      } else if (existing) {
        const stored = await trx.pacts.findPactVersionById(existing.pactVersionId);
        const storedPact = JSON.parse(stored?.content ?? '{}') as JsonObject;
        if (contract.onConflict !== 'merge') {
          throw new ContractConflictError(
            pacticipant.name,
            version.number,
            provider.name,
            describeDifference(storedPact, pact),
          );
        }
        pact = mergePacts(storedPact, pact);
        sha = contentSha(pact);
        outcome = sha === existing.sha ? 'unchanged' : 'merged';
      }
      const pactVersion = await trx.pacts.findOrCreatePactVersion(
        pacticipant.id,
        provider.id,
        sha,
        JSON.stringify(withInteractionIds(pact)),
      );
      await trx.pacts.upsertPublication(pacticipant.id, provider.id, version.id, pactVersion.id);
      contracts.push({
        consumerName: pacticipant.name,
        providerName: provider.name,
        versionNumber: version.number,
        outcome,
      });
    }

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

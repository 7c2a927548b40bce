import { isUtf8 } from 'node:buffer';
import { BrokerValidationError } from '../errors.ts';
import { decodeUtf8, MalformedJsonError, parseJsonBytes, parsePactText, RawJsonBody } from '../http/json.ts';
import { nameProblem } from '../http/names.ts';
import { isJsonObject, type JsonObject, type PreparedPact, preparePact } from './content.ts';

export interface ContractToPublish {
  consumerName: string;
  providerName: string;
  /** Ready to store: SHA and content text (see preparePact). */
  pact: PreparedPact;
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
    parsed = parsePactText(bytes.toString('utf8'), field);
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
  const party = Object.hasOwn(pact, role) ? pact[role] : undefined;
  return isJsonObject(party) && Object.hasOwn(party, 'name') ? party.name : undefined;
}

/**
 * Checks a `POST /contracts/publish` body completely, reporting every problem by field, and prepares each pact
 * for storing. Pure work on data: it runs on a worker thread for large bodies (see pact-jobs.ts).
 */
export function parsePublishRequest(input: unknown): PublishCommand {
  const body = input instanceof RawJsonBody ? parseJsonBytes(input.bytes) : input;
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
      if (nonBlank(consumerName) && nonBlank(providerName) && Object.keys(errors).length === 0) {
        parsed.push({
          consumerName,
          providerName,
          pact: preparePact(pact),
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

/** A legacy pact body, prepared, with the names it gives its consumer and provider (if it gives them). */
export interface PactBody extends PreparedPact {
  consumerName?: string;
  providerName?: string;
}

/** The body of a legacy `PUT`/`PATCH …/consumer/{c}/version/{v}`: a pact, checked and prepared for storing. */
export function parsePactBody(input: unknown): PactBody {
  const what = 'The request body';
  const pact = input instanceof RawJsonBody ? parsePactText(decodeUtf8(input.bytes, what), what) : input;
  if (!isJsonObject(pact)) throw new BrokerValidationError({ body: ['must be a pact JSON object'] });
  const consumerName = nameIn(pact, 'consumer');
  const providerName = nameIn(pact, 'provider');
  return {
    ...preparePact(pact),
    ...(typeof consumerName === 'string' ? { consumerName } : {}),
    ...(typeof providerName === 'string' ? { providerName } : {}),
  };
}

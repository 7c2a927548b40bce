import { BrokerValidationError } from '../errors.ts';

export interface ConsumerVersionSelector {
  mainBranch?: true;
  branch?: string;
  fallbackBranch?: string;
  matchingBranch?: true;
  tag?: string;
  fallbackTag?: string;
  latest?: boolean;
  deployed?: true;
  released?: true;
  deployedOrReleased?: true;
  environment?: string;
  consumer?: string;
}

export interface ForVerificationRequest {
  consumerVersionSelectors: ConsumerVersionSelector[];
  providerVersionBranch?: string;
  providerVersionTags: string[];
  includePendingStatus: boolean;
  includeWipPactsSince?: Date;
}

const selectorKeys: Record<string, keyof ConsumerVersionSelector> = {
  mainBranch: 'mainBranch',
  main_branch: 'mainBranch',
  branch: 'branch',
  fallbackBranch: 'fallbackBranch',
  fallback_branch: 'fallbackBranch',
  matchingBranch: 'matchingBranch',
  matching_branch: 'matchingBranch',
  tag: 'tag',
  fallbackTag: 'fallbackTag',
  fallback_tag: 'fallbackTag',
  latest: 'latest',
  deployed: 'deployed',
  released: 'released',
  deployedOrReleased: 'deployedOrReleased',
  deployed_or_released: 'deployedOrReleased',
  environment: 'environment',
  consumer: 'consumer',
};

const stringKeys = new Set<keyof ConsumerVersionSelector>([
  'branch',
  'fallbackBranch',
  'tag',
  'fallbackTag',
  'environment',
  'consumer',
]);
const trueOnlyKeys = new Set<keyof ConsumerVersionSelector>([
  'mainBranch',
  'matchingBranch',
  'deployed',
  'released',
  'deployedOrReleased',
]);
const branchOrTagKeys: (keyof ConsumerVersionSelector)[] = [
  'mainBranch',
  'branch',
  'fallbackBranch',
  'matchingBranch',
  'tag',
  'fallbackTag',
];
const environmentKeys: (keyof ConsumerVersionSelector)[] = [
  'environment',
  'deployed',
  'released',
  'deployedOrReleased',
];

/** Query-string values arrive as strings. */
function coerceBoolean(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

function parseSelector(raw: unknown, providerVersionBranch: string | undefined, problems: string[]) {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push('must be an object');
    return undefined;
  }
  const selector: ConsumerVersionSelector = {};
  const record = selector as Record<string, unknown>;
  for (const [rawKey, rawValue] of Object.entries(raw)) {
    const key = Object.hasOwn(selectorKeys, rawKey) ? selectorKeys[rawKey] : undefined;
    if (key === undefined) continue;
    const value = coerceBoolean(rawValue);
    if (stringKeys.has(key)) {
      if (typeof value !== 'string' || isBlank(value)) problems.push(`${key} must be a non-blank string`);
      else record[key] = value;
    } else if (trueOnlyKeys.has(key)) {
      if (value !== true) problems.push(`${key} can only be set to true`);
      else record[key] = true;
    } else if (typeof value !== 'boolean') {
      problems.push(`${key} must be a boolean`);
    } else {
      record[key] = value;
    }
  }
  const has = (key: keyof ConsumerVersionSelector) => selector[key] !== undefined;
  const present = Object.keys(selector) as (keyof ConsumerVersionSelector)[];

  const chooses = [
    'mainBranch',
    'tag',
    'branch',
    'environment',
    'matchingBranch',
    'deployed',
    'released',
    'deployedOrReleased',
  ].some((k) => has(k as keyof ConsumerVersionSelector));
  if (!chooses && selector.latest !== true) {
    problems.push(
      'must specify a value for environment or tag or branch, or specify mainBranch=true, matchingBranch=true, latest=true, deployed=true, released=true or deployedOrReleased=true',
    );
  }
  if (has('mainBranch') && present.some((k) => !['mainBranch', 'consumer', 'latest'].includes(k))) {
    problems.push('cannot specify mainBranch=true with any other criteria apart from consumer');
  }
  if (has('matchingBranch')) {
    if (present.some((k) => !['matchingBranch', 'consumer'].includes(k))) {
      problems.push('cannot specify matchingBranch=true with any other criteria apart from consumer');
    }
    if (providerVersionBranch === undefined) {
      problems.push('the providerVersionBranch must be specified when the selector matchingBranch=true is used');
    }
  }
  if (has('tag') && has('branch')) problems.push('cannot specify both a tag and a branch');
  if (branchOrTagKeys.some(has) && environmentKeys.some(has)) {
    problems.push('cannot specify a branch or tag with an environment, deployed, released or deployedOrReleased');
  }
  if (has('fallbackTag') && !(has('tag') && selector.latest === true)) {
    problems.push('fallbackTag can only be set if tag is set and latest is true');
  }
  if (has('fallbackBranch') && (!has('branch') || selector.latest === false)) {
    problems.push('fallbackBranch can only be set if branch is set and latest is not false');
  }
  if (has('branch') && selector.latest === false) problems.push('cannot specify a branch with latest=false');
  if ([has('deployed'), has('released'), has('deployedOrReleased')].filter(Boolean).length > 1) {
    problems.push('cannot specify more than one of deployed, released or deployedOrReleased');
  }
  return selector;
}

function pick(input: Record<string, unknown>, camel: string, snake: string): unknown {
  return input[camel] !== undefined ? input[camel] : input[snake];
}

/**
 * Validates a pacts-for-verification query, from a POST body or a GET query string (where every value is a
 * string). Throws a BrokerValidationError listing every problem by field.
 */
export function parseForVerificationRequest(input: unknown): ForVerificationRequest {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new BrokerValidationError({ body: ['must be a JSON object'] });
  }
  const body = input as Record<string, unknown>;

  // An empty branch is what pact_ffi sends when no branch was configured; like the real broker, it counts as no
  // branch unless pending or WIP (which need one) are asked for without tags. A branch of spaces is a mistake.
  let providerVersionBranch: string | undefined;
  let emptyBranch = false;
  const branch = pick(body, 'providerVersionBranch', 'provider_version_branch');
  if (branch !== undefined && branch !== null) {
    if (branch === '') emptyBranch = true;
    else if (typeof branch !== 'string' || isBlank(branch)) add('providerVersionBranch', "can't be blank");
    else providerVersionBranch = branch;
  }

  const providerVersionTags: string[] = [];
  const tags = pick(body, 'providerVersionTags', 'provider_version_tags');
  if (tags !== undefined && tags !== null) {
    const list = Array.isArray(tags) ? tags : [tags];
    for (const tag of list) {
      if (typeof tag !== 'string' || isBlank(tag)) add('providerVersionTags', 'must be a list of non-blank strings');
      else providerVersionTags.push(tag);
    }
  }

  let includePendingStatus = false;
  const pending = coerceBoolean(pick(body, 'includePendingStatus', 'include_pending_status'));
  if (pending !== undefined && pending !== null) {
    if (typeof pending !== 'boolean') add('includePendingStatus', 'must be one of: true, false');
    else includePendingStatus = pending;
  }

  let includeWipPactsSince: Date | undefined;
  const since = pick(body, 'includeWipPactsSince', 'include_wip_pacts_since');
  if (since !== undefined && since !== null && since !== '') {
    const date = typeof since === 'string' ? new Date(since) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) add('includeWipPactsSince', 'must be a date');
    else includeWipPactsSince = date;
  }

  if (emptyBranch && providerVersionTags.length === 0 && (includePendingStatus || includeWipPactsSince)) {
    add(
      'providerVersionBranch',
      'must not be an empty string when pending or WIP pacts are enabled and no provider version tags are given: ' +
        'it decides which pacts are pending or WIP. Set the provider version branch (recommended), or leave it out.',
    );
  }

  const consumerVersionSelectors: ConsumerVersionSelector[] = [];
  const selectors = pick(body, 'consumerVersionSelectors', 'consumer_version_selectors');
  if (selectors !== undefined && selectors !== null) {
    if (!Array.isArray(selectors)) {
      add('consumerVersionSelectors', 'must be an array');
    } else {
      selectors.forEach((raw, index) => {
        const problems: string[] = [];
        const selector = parseSelector(raw, providerVersionBranch, problems);
        for (const problem of problems) add(`consumerVersionSelectors[${index}]`, problem);
        if (selector && problems.length === 0) consumerVersionSelectors.push(selector);
      });
    }
  }

  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  return {
    consumerVersionSelectors,
    providerVersionTags,
    includePendingStatus,
    ...(providerVersionBranch !== undefined ? { providerVersionBranch } : {}),
    ...(includeWipPactsSince !== undefined ? { includeWipPactsSince } : {}),
  };
}

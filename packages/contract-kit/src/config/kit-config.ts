import { Ajv } from 'ajv';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

/** A consumer version selector, as the Pact Broker's `for-verification` endpoint takes it. */
export interface ConsumerVersionSelector {
  mainBranch?: boolean;
  matchingBranch?: boolean;
  branch?: string;
  deployedOrReleased?: boolean;
  deployed?: boolean;
  released?: boolean;
  environment?: string;
  latest?: boolean;
  tag?: string;
  consumer?: string;
  fallbackTag?: string;
}

export type BrokerAuth = { token: string } | { username: string; password: string };

/** How the kit reaches a Pact Broker (the broker package's own configuration is another thing). */
export interface BrokerConnection {
  url: string;
  auth?: BrokerAuth;
  /** The most one broker step may take, ms (CONTRACT_KIT_BROKER_TIMEOUT_MS; default 10,000). */
  timeoutMs?: number;
}

export interface KitConfig {
  /** Where the consumer tests write pacts and `publish` reads them. */
  pactDir: string;
  broker?: BrokerConnection;
  /** One pact to verify instead of selecting from the broker (webhook-triggered builds). */
  pactUrl?: string;
  selectors: ConsumerVersionSelector[];
  enablePending: boolean;
  includeWipPactsSince?: string;
  /** Publish verification results; by default only on a CI server. */
  publishResults?: boolean;
  /** The environment can-i-deploy asks about and record-deployment records to. */
  environment: string;
}

export const defaultSelectors: ConsumerVersionSelector[] = [
  { mainBranch: true },
  { matchingBranch: true },
  { deployedOrReleased: true },
];

const selectorSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    mainBranch: { type: 'boolean' },
    matchingBranch: { type: 'boolean' },
    branch: { type: 'string', minLength: 1 },
    deployedOrReleased: { type: 'boolean' },
    deployed: { type: 'boolean' },
    released: { type: 'boolean' },
    environment: { type: 'string', minLength: 1 },
    latest: { type: 'boolean' },
    tag: { type: 'string', minLength: 1 },
    consumer: { type: 'string', minLength: 1 },
    fallbackTag: { type: 'string', minLength: 1 },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
const validateSelectors = ajv.compile<ConsumerVersionSelector[]>({ type: 'array', minItems: 1, items: selectorSchema });

function fail(message: string): never {
  throw new ContractKitError(
    ContractKitErrorCodes.configInvalid,
    `${message} See "Adopting this for your services" in README.md.`,
  );
}

function booleanOf(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  return fail(`${name} must be true or false, not "${value}".`);
}

function urlOf(name: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return value.replace(/\/+$/, '');
  } catch {
    return fail(`${name} must be an http(s) URL, not "${value}".`);
  }
}

function positiveIntegerOf(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    return fail(`${name} must be a whole number of milliseconds from 1 to ${max}, not "${value}".`);
  }
  return number;
}

function brokerAuthOf(env: NodeJS.ProcessEnv): BrokerAuth | undefined {
  const { PACT_BROKER_TOKEN: token, PACT_BROKER_USERNAME: username, PACT_BROKER_PASSWORD: password } = env;
  if (token && (username || password)) fail('Set either PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD, not both.');
  if (token) return { token };
  if (username && password) return { username, password };
  if (username || password) fail('PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD go together: one of them is missing.');
  return undefined;
}

function selectorsOf(value: string | undefined): ConsumerVersionSelector[] {
  if (!value) return defaultSelectors;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail(`PACT_CONSUMER_VERSION_SELECTORS must be a JSON array of selectors, e.g. '[{"mainBranch":true}]'.`);
  }
  if (!validateSelectors(parsed)) {
    const problems = (validateSelectors.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    return fail(`PACT_CONSUMER_VERSION_SELECTORS is not a valid selector list: ${problems}.`);
  }
  return parsed;
}

/** Reads the kit's settings from the environment once, validated; nothing else in the kit reads `process.env`. */
export function readKitConfig(env: NodeJS.ProcessEnv = process.env, defaults: { pactDir?: string } = {}): KitConfig {
  const brokerUrl = env.PACT_BROKER_BASE_URL;
  const auth = brokerAuthOf(env);
  if (auth && !brokerUrl) fail('Broker credentials are set but PACT_BROKER_BASE_URL is not.');
  const wipSince = env.PACT_INCLUDE_WIP_PACTS_SINCE || undefined;
  if (wipSince && Number.isNaN(Date.parse(wipSince))) {
    fail(`PACT_INCLUDE_WIP_PACTS_SINCE must be a date such as 2026-01-01, not "${wipSince}".`);
  }
  // The kit's own name first, then the one pact-js and the Pact CLIs read.
  const publishResults =
    booleanOf('PACT_PUBLISH_VERIFICATION_RESULTS', env.PACT_PUBLISH_VERIFICATION_RESULTS) ??
    booleanOf('PACT_BROKER_PUBLISH_VERIFICATION_RESULTS', env.PACT_BROKER_PUBLISH_VERIFICATION_RESULTS);
  const timeoutMs = positiveIntegerOf('CONTRACT_KIT_BROKER_TIMEOUT_MS', env.CONTRACT_KIT_BROKER_TIMEOUT_MS, 3_600_000);
  return {
    pactDir: env.PACT_DIR || defaults.pactDir || 'pacts',
    ...(brokerUrl
      ? {
          broker: {
            url: urlOf('PACT_BROKER_BASE_URL', brokerUrl),
            ...(auth ? { auth } : {}),
            ...(timeoutMs ? { timeoutMs } : {}),
          },
        }
      : {}),
    ...(env.PACT_URL ? { pactUrl: urlOf('PACT_URL', env.PACT_URL) } : {}),
    selectors: selectorsOf(env.PACT_CONSUMER_VERSION_SELECTORS),
    enablePending: booleanOf('PACT_ENABLE_PENDING', env.PACT_ENABLE_PENDING) ?? true,
    ...(wipSince ? { includeWipPactsSince: wipSince } : {}),
    ...(publishResults === undefined ? {} : { publishResults }),
    environment: env.PACT_ENVIRONMENT || 'production',
  };
}

export function describeSelectors(selectors: readonly ConsumerVersionSelector[]): string {
  return selectors.map((s) => JSON.stringify(s)).join(', ');
}

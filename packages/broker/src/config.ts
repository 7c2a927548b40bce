import { ConfigError, loadConfig } from '@contract-kit/service-common';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './webhooks/runner.ts';

export interface Credentials {
  username: string;
  password: string;
}

/** Auth is off unless at least one credential is configured. */
export interface AuthConfig {
  /** Basic auth user allowed to read and write. */
  readWrite?: Credentials;
  /** Basic auth user allowed GET/HEAD/OPTIONS (and the POST for-verification query) only. */
  readOnly?: Credentials;
  /** Bearer token allowed to read and write. */
  token?: string;
  /** Bearer token allowed to read only. */
  readOnlyToken?: string;
}

export interface BrokerConfig {
  host: string;
  port: number;
  /** A directory holding `broker.sqlite`, or `:memory:`. */
  dataDir: string;
  /** Public base URL for hrefs; when absent, hrefs are built from each request's Host header. */
  baseUrl?: string;
  auth?: AuthConfig;
  logLevel: string;
  /** Largest request body accepted, in bytes (413 beyond). */
  bodyLimit: number;
  /** `postgres://…`: run on PostgreSQL instead of SQLite in dataDir. */
  databaseUrl?: string;
  databaseSchema?: string;
  webhooks: Readonly<WebhookSettings>;
}

/**
 * 16 MiB: a pact that large publishes through every route (base64 in POST /contracts/publish included) while
 * other requests wait at most the bound README.md gives; larger ones need BROKER_BODY_LIMIT raised.
 */
export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

interface BrokerEnv {
  BROKER_HOST: string;
  BROKER_PORT: number;
  BROKER_DATA_DIR: string;
  BROKER_BASE_URL?: string;
  BROKER_LOG_LEVEL: string;
  BROKER_BODY_LIMIT: number;
  BROKER_BASIC_AUTH_USERNAME?: string;
  BROKER_BASIC_AUTH_PASSWORD?: string;
  BROKER_BASIC_AUTH_READ_ONLY_USERNAME?: string;
  BROKER_BASIC_AUTH_READ_ONLY_PASSWORD?: string;
  BROKER_AUTH_TOKEN?: string;
  BROKER_READ_ONLY_AUTH_TOKEN?: string;
  BROKER_DATABASE_URL?: string;
  BROKER_DATABASE_SCHEMA?: string;
  BROKER_WEBHOOK_RETRY_SCHEDULE: string;
  BROKER_WEBHOOK_TIMEOUT_MS: number;
  BROKER_WEBHOOK_SCHEME_WHITELIST: string;
  BROKER_WEBHOOK_HOST_WHITELIST: string;
  BROKER_WEBHOOK_RUNNER: 'on' | 'off';
}

const nonBlank = { type: 'string', minLength: 1 } as const;

const envSchema = {
  type: 'object',
  properties: {
    BROKER_HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    BROKER_PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 9292 },
    BROKER_DATA_DIR: { type: 'string', minLength: 1, default: '.broker' },
    BROKER_BASE_URL: { type: 'string', pattern: '^https?://' },
    BROKER_LOG_LEVEL: {
      type: 'string',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
    BROKER_BODY_LIMIT: { type: 'integer', minimum: 1024, maximum: 1024 * 1024 * 1024, default: DEFAULT_BODY_LIMIT },
    BROKER_BASIC_AUTH_USERNAME: nonBlank,
    BROKER_BASIC_AUTH_PASSWORD: nonBlank,
    BROKER_BASIC_AUTH_READ_ONLY_USERNAME: nonBlank,
    BROKER_BASIC_AUTH_READ_ONLY_PASSWORD: nonBlank,
    BROKER_AUTH_TOKEN: nonBlank,
    BROKER_READ_ONLY_AUTH_TOKEN: nonBlank,
    // Not DATABASE_URL: UserService reads that one, and both run in one process during `npm run contracts`.
    BROKER_DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    BROKER_DATABASE_SCHEMA: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' },
    BROKER_WEBHOOK_RETRY_SCHEDULE: {
      type: 'string',
      pattern: '^\\s*(\\d{1,6}(\\s*,\\s*\\d{1,6}){0,19})?\\s*$',
      default: DEFAULT_WEBHOOK_SETTINGS.retrySchedule.join(','),
    },
    BROKER_WEBHOOK_TIMEOUT_MS: {
      type: 'integer',
      minimum: 100,
      maximum: 300_000,
      default: DEFAULT_WEBHOOK_SETTINGS.timeoutMs,
    },
    BROKER_WEBHOOK_SCHEME_WHITELIST: {
      type: 'string',
      pattern: '^\\s*(https?)(\\s*,\\s*https?)*\\s*$',
      default: DEFAULT_WEBHOOK_SETTINGS.allow.schemes.join(','),
    },
    BROKER_WEBHOOK_HOST_WHITELIST: { type: 'string', default: '' },
    BROKER_WEBHOOK_RUNNER: { type: 'string', enum: ['on', 'off'], default: 'on' },
  },
  dependencies: {
    BROKER_BASIC_AUTH_USERNAME: ['BROKER_BASIC_AUTH_PASSWORD'],
    BROKER_BASIC_AUTH_PASSWORD: ['BROKER_BASIC_AUTH_USERNAME'],
    BROKER_BASIC_AUTH_READ_ONLY_USERNAME: ['BROKER_BASIC_AUTH_READ_ONLY_PASSWORD'],
    BROKER_BASIC_AUTH_READ_ONLY_PASSWORD: ['BROKER_BASIC_AUTH_READ_ONLY_USERNAME'],
  },
} as const;

/** A frozen object with exactly these own fields and no prototype: nothing can be inherited into it. */
function record<T extends object>(fields: T): Readonly<T> {
  const out = Object.create(null) as T;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return Object.freeze(out);
}

function credentials(username?: string, password?: string): Credentials | undefined {
  return typeof username === 'string' && typeof password === 'string' ? record({ username, password }) : undefined;
}

/**
 * The auth configuration as the broker keeps it: frozen, prototype-free, only the four known fields, and only
 * strings. Whatever the caller passed (the environment, a test, `startBroker`), nothing else is ever consulted.
 */
export function normalizeAuth(auth: AuthConfig | undefined): Readonly<AuthConfig> | undefined {
  if (auth === undefined) return undefined;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const normalized = record<AuthConfig>({
    readWrite: credentials(auth.readWrite?.username, auth.readWrite?.password),
    readOnly: credentials(auth.readOnly?.username, auth.readOnly?.password),
    token: text(auth.token),
    readOnlyToken: text(auth.readOnlyToken),
  });
  return Object.keys(normalized).length > 0 ? normalized : undefined;
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

function webhookSettings(raw: BrokerEnv): Readonly<WebhookSettings> {
  for (const entry of list(raw.BROKER_WEBHOOK_HOST_WHITELIST)) {
    if (entry.length < 3 || !entry.startsWith('/') || !entry.endsWith('/')) continue;
    try {
      new RegExp(entry.slice(1, -1));
    } catch (err) {
      throw new ConfigError(
        'Broker',
        new Error(`BROKER_WEBHOOK_HOST_WHITELIST: ${entry} is not a regular expression (${(err as Error).message})`),
      );
    }
  }
  return Object.freeze({
    retrySchedule: Object.freeze(list(raw.BROKER_WEBHOOK_RETRY_SCHEDULE).map(Number)),
    timeoutMs: raw.BROKER_WEBHOOK_TIMEOUT_MS,
    allow: Object.freeze({
      schemes: Object.freeze(list(raw.BROKER_WEBHOOK_SCHEME_WHITELIST.toLowerCase())),
      hosts: Object.freeze(list(raw.BROKER_WEBHOOK_HOST_WHITELIST)),
    }),
    pollMs: DEFAULT_WEBHOOK_SETTINGS.pollMs,
    run: raw.BROKER_WEBHOOK_RUNNER === 'on',
  });
}

/** Reads the broker's configuration from the environment, once, at the edge. */
export function readBrokerConfig(env: NodeJS.ProcessEnv = process.env): Readonly<BrokerConfig> {
  const raw = loadConfig<BrokerEnv>('Broker', envSchema, env);
  const auth = normalizeAuth({
    readWrite: credentials(raw.BROKER_BASIC_AUTH_USERNAME, raw.BROKER_BASIC_AUTH_PASSWORD),
    readOnly: credentials(raw.BROKER_BASIC_AUTH_READ_ONLY_USERNAME, raw.BROKER_BASIC_AUTH_READ_ONLY_PASSWORD),
    token: raw.BROKER_AUTH_TOKEN,
    readOnlyToken: raw.BROKER_READ_ONLY_AUTH_TOKEN,
  } as AuthConfig);
  return record<BrokerConfig>({
    host: raw.BROKER_HOST,
    port: raw.BROKER_PORT,
    dataDir: raw.BROKER_DATA_DIR,
    logLevel: raw.BROKER_LOG_LEVEL,
    bodyLimit: raw.BROKER_BODY_LIMIT,
    databaseUrl: raw.BROKER_DATABASE_URL,
    databaseSchema: raw.BROKER_DATABASE_SCHEMA,
    webhooks: webhookSettings(raw),
    baseUrl: raw.BROKER_BASE_URL ? raw.BROKER_BASE_URL.replace(/\/+$/, '') : undefined,
    auth,
  } as BrokerConfig);
}

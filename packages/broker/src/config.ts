import { loadConfig } from '@contract-kit/service-common';

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
}

interface BrokerEnv {
  BROKER_HOST: string;
  BROKER_PORT: number;
  BROKER_DATA_DIR: string;
  BROKER_BASE_URL?: string;
  BROKER_LOG_LEVEL: string;
  BROKER_BASIC_AUTH_USERNAME?: string;
  BROKER_BASIC_AUTH_PASSWORD?: string;
  BROKER_BASIC_AUTH_READ_ONLY_USERNAME?: string;
  BROKER_BASIC_AUTH_READ_ONLY_PASSWORD?: string;
  BROKER_AUTH_TOKEN?: string;
  BROKER_READ_ONLY_AUTH_TOKEN?: string;
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
    BROKER_BASIC_AUTH_USERNAME: nonBlank,
    BROKER_BASIC_AUTH_PASSWORD: nonBlank,
    BROKER_BASIC_AUTH_READ_ONLY_USERNAME: nonBlank,
    BROKER_BASIC_AUTH_READ_ONLY_PASSWORD: nonBlank,
    BROKER_AUTH_TOKEN: nonBlank,
    BROKER_READ_ONLY_AUTH_TOKEN: nonBlank,
  },
  dependencies: {
    BROKER_BASIC_AUTH_USERNAME: ['BROKER_BASIC_AUTH_PASSWORD'],
    BROKER_BASIC_AUTH_PASSWORD: ['BROKER_BASIC_AUTH_USERNAME'],
    BROKER_BASIC_AUTH_READ_ONLY_USERNAME: ['BROKER_BASIC_AUTH_READ_ONLY_PASSWORD'],
    BROKER_BASIC_AUTH_READ_ONLY_PASSWORD: ['BROKER_BASIC_AUTH_READ_ONLY_USERNAME'],
  },
} as const;

function credentials(username?: string, password?: string): Credentials | undefined {
  return username !== undefined && password !== undefined ? { username, password } : undefined;
}

/** Reads the broker's configuration from the environment, once, at the edge. */
export function readBrokerConfig(env: NodeJS.ProcessEnv = process.env): BrokerConfig {
  const raw = loadConfig<BrokerEnv>('Broker', envSchema, env);
  const auth: AuthConfig = {};
  const readWrite = credentials(raw.BROKER_BASIC_AUTH_USERNAME, raw.BROKER_BASIC_AUTH_PASSWORD);
  const readOnly = credentials(raw.BROKER_BASIC_AUTH_READ_ONLY_USERNAME, raw.BROKER_BASIC_AUTH_READ_ONLY_PASSWORD);
  if (readWrite) auth.readWrite = readWrite;
  if (readOnly) auth.readOnly = readOnly;
  if (raw.BROKER_AUTH_TOKEN) auth.token = raw.BROKER_AUTH_TOKEN;
  if (raw.BROKER_READ_ONLY_AUTH_TOKEN) auth.readOnlyToken = raw.BROKER_READ_ONLY_AUTH_TOKEN;
  return {
    host: raw.BROKER_HOST,
    port: raw.BROKER_PORT,
    dataDir: raw.BROKER_DATA_DIR,
    logLevel: raw.BROKER_LOG_LEVEL,
    ...(raw.BROKER_BASE_URL ? { baseUrl: raw.BROKER_BASE_URL.replace(/\/+$/, '') } : {}),
    ...(Object.keys(auth).length > 0 ? { auth } : {}),
  };
}

import { ConfigError, loadConfig } from '@contract-kit/service-common';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface UserServiceConfig {
  host: string;
  port: number;
  /** `url` is a `postgres://` URL (DATABASE_URL) or a SQLite path (DATABASE_PATH). */
  database: { url: string; schema?: string };
  logLevel: LogLevel;
  /** A token created at start with every scope, so a person can try the API. */
  seedToken?: string;
  /** RabbitMQ for the outbox's events (AMQP_URL); without it they wait in the outbox. */
  amqpUrl?: string;
}

interface Env {
  HOST: string;
  PORT: number;
  DATABASE_URL?: string;
  DATABASE_PATH: string;
  DATABASE_SCHEMA?: string;
  LOG_LEVEL: LogLevel;
  SEED_TOKEN?: string;
  AMQP_URL?: string;
}

const envSchema = {
  type: 'object',
  required: ['HOST', 'PORT', 'DATABASE_PATH', 'LOG_LEVEL'],
  properties: {
    HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3001 },
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    DATABASE_PATH: { type: 'string', minLength: 1, default: '.data/user-service.sqlite' },
    DATABASE_SCHEMA: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' },
    LOG_LEVEL: {
      type: 'string',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
    SEED_TOKEN: { type: 'string', minLength: 16, pattern: '^\\S+$' },
    AMQP_URL: { type: 'string', pattern: '^amqps?://' },
  },
} as const;

const service = 'user-service';

/** Reads and validates the environment once, at the edge; throws `ConfigError` (code CONFIG_INVALID). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): UserServiceConfig {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = loadConfig<Env>(service, envSchema, given);
  if (parsed.DATABASE_SCHEMA !== undefined && parsed.DATABASE_URL === undefined) {
    throw new ConfigError(service, new Error('DATABASE_SCHEMA applies to PostgreSQL only: set DATABASE_URL too'));
  }
  const database = parsed.DATABASE_URL
    ? { url: parsed.DATABASE_URL, ...(parsed.DATABASE_SCHEMA ? { schema: parsed.DATABASE_SCHEMA } : {}) }
    : { url: parsed.DATABASE_PATH };
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    database,
    logLevel: parsed.LOG_LEVEL,
    ...(parsed.SEED_TOKEN ? { seedToken: parsed.SEED_TOKEN } : {}),
    ...(parsed.AMQP_URL ? { amqpUrl: parsed.AMQP_URL } : {}),
  };
}

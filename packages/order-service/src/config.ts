import { loadConfig } from '@contract-kit/service-common';

export interface OrderServiceConfig {
  host: string;
  port: number;
  databasePath: string;
  logLevel: string;
  userService: { baseUrl: string; token: string; timeoutMs: number };
  /** RabbitMQ to consume UserService's events from (AMQP_URL). */
  amqpUrl?: string;
}

interface OrderServiceEnv {
  HOST: string;
  PORT: number;
  DATABASE_PATH: string;
  LOG_LEVEL: string;
  USER_SERVICE_URL: string;
  USER_SERVICE_TOKEN: string;
  USER_SERVICE_TIMEOUT_MS: number;
  AMQP_URL?: string;
}

const envSchema = {
  type: 'object',
  required: ['USER_SERVICE_URL', 'USER_SERVICE_TOKEN'],
  properties: {
    HOST: { type: 'string', default: '127.0.0.1' },
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3002 },
    DATABASE_PATH: { type: 'string', minLength: 1, default: '.data/order-service.sqlite' },
    LOG_LEVEL: {
      type: 'string',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
    USER_SERVICE_URL: { type: 'string', pattern: '^https?://' },
    USER_SERVICE_TOKEN: { type: 'string', minLength: 1 },
    USER_SERVICE_TIMEOUT_MS: { type: 'integer', minimum: 50, maximum: 60_000, default: 2_000 },
    AMQP_URL: { type: 'string', pattern: '^amqps?://' },
  },
} as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env): OrderServiceConfig {
  const raw = loadConfig<OrderServiceEnv>('OrderService', envSchema, env);
  return {
    host: raw.HOST,
    port: raw.PORT,
    databasePath: raw.DATABASE_PATH,
    logLevel: raw.LOG_LEVEL,
    userService: {
      baseUrl: raw.USER_SERVICE_URL,
      token: raw.USER_SERVICE_TOKEN,
      timeoutMs: raw.USER_SERVICE_TIMEOUT_MS,
    },
    ...(raw.AMQP_URL ? { amqpUrl: raw.AMQP_URL } : {}),
  };
}

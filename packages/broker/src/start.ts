import type { FastifyServerOptions } from 'fastify';
import { type BuildBrokerConfig, buildBroker } from './app.ts';
import type { AuthConfig } from './config.ts';

export interface StartBrokerOptions {
  /** A directory for `broker.sqlite`, or `:memory:` (the default). */
  dataDir?: string;
  /** Defaults to 127.0.0.1. */
  host?: string;
  auth?: AuthConfig;
  logger?: FastifyServerOptions['logger'];
  /** Largest request body in bytes (see BROKER_BODY_LIMIT). */
  bodyLimit?: number;
  /** `postgres://…` runs on PostgreSQL (see BROKER_DATABASE_URL). */
  databaseUrl?: string;
  databaseSchema?: string;
  webhooks?: BuildBrokerConfig['webhooks'];
}

export interface RunningBroker {
  /** e.g. `http://127.0.0.1:54321`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Starts a broker on a free port: for tests and scripts that need a real one. */
export async function startBroker(options: StartBrokerOptions = {}): Promise<RunningBroker> {
  const app = await buildBroker({
    dataDir: options.dataDir ?? ':memory:',
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.databaseSchema !== undefined ? { databaseSchema: options.databaseSchema } : {}),
    ...(options.webhooks !== undefined ? { webhooks: options.webhooks } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: 0 });
  } catch (err) {
    await app.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const hostname = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${hostname}:${port}`, close: () => app.close() };
}

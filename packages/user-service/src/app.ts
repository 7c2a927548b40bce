import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventTransport } from '@contract-kit/events';
import {
  clientErrorHandler,
  type Database,
  frameworkErrors,
  isPostgresUrl,
  migrateToLatest,
  openDatabase,
  registerErrorHandling,
  registerInputGuards,
} from '@contract-kit/service-common';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuth } from './auth/auth.ts';
import { createTokensRepository } from './auth/tokens-repository.ts';
import { createMigrations } from './db/migrations.ts';
import type { UserDatabase, UserDb } from './db/schema.ts';
import { createOutboxRelay, type OutboxRelay } from './events/relay.ts';
import { healthRoutes } from './routes/health.ts';
import { usersRoutes } from './routes/users.ts';
import { scopes } from './types.ts';
import { createUsersRepository, type UsersRepository } from './users/users-repository.ts';

export interface AppConfig {
  /** A `postgres://` URL (optionally with a schema to work in) or a SQLite path / `:memory:`. */
  database: { url: string; schema?: string };
  /** Fastify's `logger` option; off by default. */
  logger?: boolean | object;
  /** A raw token to store with every scope, so a person can try the API. */
  seedToken?: string;
  /**
   * Where the outbox's events are published (in-process or RabbitMQ). Without it, events are still written to the
   * outbox, and wait there for a service started with a transport.
   */
  events?: { transport: EventTransport; pollIntervalMs?: number; onError?: (err: unknown) => void };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The service's database, for tests and provider state handlers to seed. */
    db: UserDb;
    database: Database<UserDatabase>;
    users: UsersRepository;
    /** Publishes the outbox; undefined when the service was built without an event transport. */
    relay: OutboxRelay | undefined;
  }
}

async function openMigratedDatabase(config: AppConfig['database']): Promise<Database<UserDatabase>> {
  if (!isPostgresUrl(config.url) && config.url !== ':memory:' && !config.url.startsWith('file:')) {
    mkdirSync(dirname(config.url), { recursive: true });
  }
  const database = await openDatabase<UserDatabase>(config);
  try {
    await migrateToLatest(database.db, createMigrations(database.kind));
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Builds the service on a migrated database; never listens (see server.ts). Closing the app closes the database. */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const database = await openMigratedDatabase(config.database);
  try {
    const tokens = createTokensRepository(database.db);
    if (config.seedToken !== undefined) {
      await tokens.issue({ token: config.seedToken, scopes, name: 'SEED_TOKEN' });
    }

    const app = Fastify({
      logger: config.logger ?? false,
      // Reject unknown body fields (`additionalProperties: false`) instead of silently dropping them.
      ajv: { customOptions: { removeAdditional: false } },
      clientErrorHandler,
      frameworkErrors,
    });
    app.decorate('database', database);
    app.decorate('db', database.db);
    const relay = config.events
      ? createOutboxRelay({
          db: database.db,
          transport: config.events.transport,
          ...(config.events.pollIntervalMs === undefined ? {} : { pollIntervalMs: config.events.pollIntervalMs }),
          onError:
            config.events.onError ?? ((err) => app.log.warn({ err }, 'events stay in the outbox: publish failed')),
        })
      : undefined;
    app.decorate('relay', relay);
    app.decorate('users', createUsersRepository(database.db, relay ? { onEventsWritten: relay.notify } : {}));
    app.addHook('onClose', async () => {
      await relay?.close();
      await database.close();
    });

    registerErrorHandling(app);
    registerAuth(app, tokens);
    registerInputGuards(app);
    app.register(healthRoutes);
    app.register(usersRoutes);
    return app;
  } catch (err) {
    await database.close();
    throw err;
  }
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
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
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The service's database, for tests and provider state handlers to seed. */
    db: UserDb;
    database: Database<UserDatabase>;
    users: UsersRepository;
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
      frameworkErrors,
    });
    app.decorate('database', database);
    app.decorate('db', database.db);
    app.decorate('users', createUsersRepository(database.db));
    app.addHook('onClose', () => database.close());

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

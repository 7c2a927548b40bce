import { reportStartFailure, serveUntilSignalled } from '@contract-kit/service-common';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const app = await buildApp({
    database: config.database,
    logger: { level: config.logLevel },
    ...(config.seedToken === undefined ? {} : { seedToken: config.seedToken }),
  });
  const url = await serveUntilSignalled(app, { host: config.host, port: config.port });
  app.log.info(
    { url, database: app.database.description, seedToken: config.seedToken === undefined ? 'none' : 'installed' },
    `user-service listening at ${url}`,
  );
}

main().catch((err: unknown) => reportStartFailure('user-service', err));

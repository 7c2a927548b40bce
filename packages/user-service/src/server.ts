import { createAmqpTransport } from '@contract-kit/events';
import { reportStartFailure, serveUntilSignalled } from '@contract-kit/service-common';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const transport = config.amqpUrl ? await createAmqpTransport({ url: config.amqpUrl }) : undefined;
  const app = await buildApp({
    ...(transport ? { events: { transport } } : {}),
    database: config.database,
    logger: { level: config.logLevel },
    ...(config.seedToken === undefined ? {} : { seedToken: config.seedToken }),
  });
  if (transport) app.addHook('onClose', () => transport.close());
  else app.log.warn('AMQP_URL is not set: user events are written to the outbox and published once it is');
  const url = await serveUntilSignalled(app, { host: config.host, port: config.port });
  app.log.info(
    { url, database: app.database.description, seedToken: config.seedToken === undefined ? 'none' : 'installed' },
    `user-service listening at ${url}`,
  );
}

main().catch((err: unknown) => reportStartFailure('user-service', err));

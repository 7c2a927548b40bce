import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createAmqpTransport } from '@contract-kit/events';
import { reportStartFailure, serveUntilSignalled } from '@contract-kit/service-common';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readConfig();
  if (config.databasePath !== ':memory:') mkdirSync(dirname(config.databasePath), { recursive: true });
  const transport = config.amqpUrl ? await createAmqpTransport({ url: config.amqpUrl }) : undefined;
  const app = await buildApp({
    ...(transport ? { events: { transport } } : {}),
    databasePath: config.databasePath,
    userService: config.userService,
    logger: { level: config.logLevel },
  });
  if (transport) app.addHook('onClose', () => transport.close());
  const url = await serveUntilSignalled(app, { host: config.host, port: config.port });
  app.log.info({ url, userService: config.userService.baseUrl }, `order-service listening at ${url}`);
}

main().catch((err: unknown) => reportStartFailure('order-service', err));

import { reportStartFailure, serveUntilSignalled } from '@contract-kit/service-common';
import { buildBroker } from './app.ts';
import { readBrokerConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readBrokerConfig();
  const app = await buildBroker({
    dataDir: config.dataDir,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(config.auth ? { auth: config.auth } : {}),
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.databaseSchema ? { databaseSchema: config.databaseSchema } : {}),
    webhooks: config.webhooks,
  });
  const url = await serveUntilSignalled(app, { host: config.host, port: config.port });
  // Printed, not only logged: `npm run broker` users (and the broker benchmark) read the URL from here.
  const data = config.databaseUrl ? app.broker.database : config.dataDir;
  console.log(`Pact Broker listening at ${url} (data: ${data})`);
}

main().catch((err: unknown) => reportStartFailure('Pact Broker', err));

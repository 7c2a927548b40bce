import closeWithGrace from 'close-with-grace';
import { buildBroker } from './app.ts';
import { readBrokerConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readBrokerConfig();
  const app = await buildBroker({
    dataDir: config.dataDir,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(config.auth ? { auth: config.auth } : {}),
    logger: { level: config.logLevel },
  });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Pact Broker listening at http://${host}:${port} (data: ${config.dataDir})`);
}

main().catch((err: unknown) => {
  console.error(`Broker failed to start: ${(err as Error).message}`);
  process.exitCode = 1;
});

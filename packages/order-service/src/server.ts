import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readConfig();
  if (config.databasePath !== ':memory:') mkdirSync(dirname(config.databasePath), { recursive: true });
  const app = await buildApp({
    databasePath: config.databasePath,
    userService: config.userService,
    logger: { level: config.logLevel },
  });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ host: config.host, port: config.port });
}

main().catch((err: unknown) => {
  console.error(`OrderService failed to start: ${(err as Error).message}`);
  process.exitCode = 1;
});

import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const app = await buildApp({
    database: config.database,
    logger: { level: config.logLevel },
    ...(config.seedToken === undefined ? {} : { seedToken: config.seedToken }),
  });

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal }, 'closing');
    await app.close();
  });

  let url: string;
  try {
    url = await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close();
    throw err;
  }
  app.log.info(
    { url, database: app.database.description, seedToken: config.seedToken === undefined ? 'none' : 'installed' },
    `user-service listening at ${url}`,
  );
}

main().catch((err: unknown) => {
  const code = (err as { code?: unknown }).code;
  console.error(
    `user-service failed to start${typeof code === 'string' ? ` (${code})` : ''}: ${(err as Error).message}`,
  );
  console.error('Check the environment variables described in packages/user-service/README.md.');
  process.exitCode = 1;
});

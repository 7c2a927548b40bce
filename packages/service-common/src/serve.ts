import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';

/**
 * Listens, and closes the app (and so its database) on SIGINT/SIGTERM or a fatal error, letting
 * in-flight requests finish for up to 10 s. Returns the URL it listens on.
 */
export async function serveUntilSignalled(
  app: FastifyInstance,
  address: { host: string; port: number },
): Promise<string> {
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  try {
    return await app.listen(address);
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** Prints why a service could not start, with its error code, and what to check; sets a failing exit code. */
export function reportStartFailure(service: string, err: unknown): void {
  const code = (err as { code?: unknown }).code;
  console.error(`${service} failed to start${typeof code === 'string' ? ` (${code})` : ''}: ${(err as Error).message}`);
  console.error('Check the environment variables in the configuration table of README.md.');
  process.exitCode = 1;
}

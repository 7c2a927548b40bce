import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The official clients' contract files, read where every checkout of this project has them:
 * `shared/` beside the repository (reference data, not copied into it).
 */
export const officialPactsDir = fileURLToPath(
  new URL('../../../../../shared/reference/pact-broker/pacts', import.meta.url),
);

if (!existsSync(officialPactsDir)) {
  throw new Error(
    `The official Pact Broker client pacts are missing: expected them in ${officialPactsDir} (shared/ beside the repository).`,
  );
}

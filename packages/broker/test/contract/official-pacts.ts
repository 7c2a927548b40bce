import { fileURLToPath } from 'node:url';

/** The official clients' contract files, vendored as fixtures (origin and licence in the folder's README). */
export const officialPactsDir = fileURLToPath(new URL('./fixtures/official-pacts', import.meta.url));

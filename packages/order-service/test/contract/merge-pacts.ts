import { mergePactsAfterRun } from 'contract-kit/consumer';
import { pactDir } from './pact-setup.ts';

// vitest globalSetup: merge every test file's pact part once all workers are done.
export default mergePactsAfterRun({ pactDir });

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ContractKitErrorCodes } from '../../src/errors.ts';
import { verifyProvider } from '../../src/provider/verify-provider.ts';
import crashing from '../fixtures/crashing-provider.ts';

const dir = mkdtempSync(join(tmpdir(), 'ck-worker-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a verification worker that dies fails the verification with CK_VERIFIER_CRASHED and its exit code', async () => {
  const file = join(dir, 'Web-Crash.json');
  const interactions = Array.from({ length: 40 }, (_, i) => ({
    description: `ping ${i}`,
    request: { method: 'GET', path: `/ping/${i}` },
    response: { status: 200 },
  }));
  writeFileSync(
    file,
    JSON.stringify({
      consumer: { name: 'Web' },
      provider: { name: 'Crash' },
      interactions,
      metadata: { pactSpecification: { version: '3.0.0' } },
    }),
  );
  await expect(verifyProvider({ ...crashing, source: { pactFiles: [file] }, shards: 2 })).rejects.toThrowError(
    expect.objectContaining({
      code: ContractKitErrorCodes.verifierCrashed,
      message: expect.stringMatching(/^A verification shard failed: the worker exited with 3/),
    }),
  );
});

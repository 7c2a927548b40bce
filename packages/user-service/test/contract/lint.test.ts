import { fileURLToPath } from 'node:url';
import { lintPacts } from 'contract-kit/lint';
import { stateNamesOf } from 'contract-kit/provider';
import { describe, expect, it } from 'vitest';
import userService from '../../src/contract/provider.ts';
import { userServicePactFiles } from './verification.ts';

describe('the pacts UserService verifies', () => {
  it('lint clean against its registered states and its OpenAPI document', async () => {
    const report = await lintPacts({
      pactFiles: userServicePactFiles(),
      providerStates: stateNamesOf(userService),
      openapi: fileURLToPath(new URL('../../openapi.json', import.meta.url)),
    });
    expect(report.findings).toEqual([]);
    expect(report.interactions).toBeGreaterThan(0);
  });
});

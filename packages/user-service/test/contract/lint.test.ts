import { fileURLToPath } from 'node:url';
import { lintPacts } from 'contract-kit/lint';
import { messageNamesOf, stateNamesOf } from 'contract-kit/provider';
import { describe, expect, it } from 'vitest';
import userService from '../../src/contract/provider.ts';
import { userServicePactFiles } from './verification.ts';

describe('the pacts UserService verifies', () => {
  it('lint clean against its registered states, its message producers and its OpenAPI document', async () => {
    const report = await lintPacts({
      pactFiles: userServicePactFiles(),
      providerStates: stateNamesOf(userService),
      messageProducers: messageNamesOf(userService),
      openapi: fileURLToPath(new URL('../../openapi.json', import.meta.url)),
    });
    expect(report.findings).toEqual([]);
    expect(report.interactions).toBeGreaterThan(0);
    // Every producer is read from the definition, and every one is expected by a pact (no PACT_MESSAGE_UNUSED).
    expect(messageNamesOf(userService)).toEqual([
      'a user.deleted event',
      'a user.email-changed event',
      'a user.reactivated event',
      'a user.suspended event',
    ]);
    expect(report.messages).toBe(4);
  });
});

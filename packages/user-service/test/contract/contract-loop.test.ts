import { startBroker } from '@contract-kit/broker';
import { runContractLoop } from 'contract-kit';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import userService from '../../src/contract/provider.ts';
import { changedUsers } from './broken-providers.ts';
import { pactDir } from './verification.ts';

// The loop `npm run contracts` runs, on an embedded broker, with the committed pacts (the consumer
// tests that write them run in their own package).
async function loopWith(app?: () => Promise<FastifyInstance>, lint?: () => Promise<string | undefined>) {
  const broker = await startBroker();
  try {
    return await runContractLoop({
      broker: { url: broker.url },
      version: { version: 'commit-1', branch: 'main', isCi: false, source: 'test' },
      pactDir,
      consumerTests: { consumer: 'OrderService', run: async () => {} },
      ...(lint ? { lint } : {}),
      provider: { ...userService, ...(app ? { app } : {}) },
      selectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      includeWipPactsSince: '2020-01-01',
      environment: 'production',
      recordDeployments: true,
    });
  } finally {
    await broker.close();
  }
}

const summary = (result: Awaited<ReturnType<typeof loopWith>>) => result.steps.map((s) => `${s.status} ${s.name}`);

describe('the contract loop', () => {
  it('publishes, verifies, finds both services deployable and records them', async () => {
    const result = await loopWith();
    expect(result.ok).toBe(true);
    expect(summary(result)).toEqual([
      'ok OrderService consumer pact tests',
      'ok publish pacts as commit-1 on main',
      'ok verify UserService with pacts from the broker',
      'ok make sure the production environment exists',
      'ok can-i-deploy UserService to production',
      'ok record deployment of UserService to production',
      'ok can-i-deploy OrderService to production',
      'ok record deployment of OrderService to production',
    ]);
    expect(result.deployments.map((d) => [d.pacticipant, d.decision?.deployable, d.recorded])).toEqual([
      ['UserService', true, true],
      ['OrderService', true, true],
    ]);
  });

  it('fails at verification when the provider breaks the contract, and can-i-deploy does not let the consumer go', async () => {
    const result = await loopWith(changedUsers(({ name, ...rest }) => ({ ...rest, fullName: name })));
    expect(result.ok).toBe(false);
    expect(summary(result)).toEqual([
      'ok OrderService consumer pact tests',
      'ok publish pacts as commit-1 on main',
      'failed verify UserService with pacts from the broker',
      'ok make sure the production environment exists',
      'ok can-i-deploy UserService to production',
      'skipped record deployment of UserService',
      'failed can-i-deploy OrderService to production',
      'skipped record deployment of OrderService',
    ]);
    expect(result.steps.find((s) => s.status === 'failed')?.note).toBe(
      '4 interactions failed (4 of them on pending pacts)',
    );
    // UserService was not recorded, so production has no version that verified OrderService's pact.
    const decision = result.deployments.find((d) => d.pacticipant === 'OrderService')?.decision;
    expect({ deployable: decision?.deployable, reason: decision?.reason }).toEqual({
      deployable: null,
      reason:
        'There is no verified pact between version commit-1 of OrderService and a version of UserService currently in production (no version is currently recorded as deployed/released in this environment)',
    });
  });

  it('publishes nothing when lint finds errors', async () => {
    const result = await loopWith(undefined, async () => '1 errors: nothing is published');
    expect(result.ok).toBe(false);
    expect(summary(result)).toEqual(['ok OrderService consumer pact tests', 'failed lint the pacts']);
  });
});

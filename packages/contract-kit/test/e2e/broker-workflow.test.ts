import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@contract-kit/broker';
import { describe, expect, it } from 'vitest';
import { canIDeploy, ensureEnvironment, publishPacts, recordDeployment } from '../../src/broker-client/operations.ts';
import type { BrokerConnection, ConsumerVersionSelector } from '../../src/config/kit-config.ts';
import { verifyProvider } from '../../src/provider/verify-provider.ts';
import { productPact, productsProvider } from './products-provider.ts';

// The loop a team runs in CI, against a real (embedded) broker, with the official pact-broker
// client and the Pact verifier: publish → verify with selectors, pending and WIP → results →
// can-i-deploy → record-deployment, across main and feature branches. Each story has its own broker.

const standardSelectors: ConsumerVersionSelector[] = [
  { mainBranch: true },
  { matchingBranch: true },
  { deployedOrReleased: true },
];
const nameOnly = { id: 1, name: 'Product 1' };
const withPrice = { id: 1, name: 'Product 1', price: 999 };

function world(broker: BrokerConnection, dir: string) {
  return {
    async publish(
      consumer: string,
      description: string,
      body: Record<string, unknown>,
      version: string,
      branch: string,
    ) {
      const file = join(dir, `${version}.json`);
      writeFileSync(file, JSON.stringify(productPact(consumer, description, body)));
      await publishPacts(broker, { pacts: [file], version, branch });
    },
    async verify(
      version: string,
      branch: string,
      options: { selectors?: ConsumerVersionSelector[]; wipSince?: string } = {},
    ) {
      const report = await verifyProvider({
        ...productsProvider(),
        source: {
          broker,
          providerBranch: branch,
          selectors: options.selectors ?? standardSelectors,
          enablePending: true,
          ...(options.wipSince ? { includeWipPactsSince: options.wipSince } : {}),
        },
        publish: { providerVersion: version, providerBranch: branch },
      });
      return { report, outcomes: Object.fromEntries(report.interactions.map((i) => [i.description, i.result])) };
    },
    async deployable(pacticipant: string, version: string) {
      return (await canIDeploy(broker, { pacticipant, version, environment: 'production' })).deployable;
    },
    deploy(pacticipant: string, version: string) {
      return recordDeployment(broker, { pacticipant, version, environment: 'production' });
    },
  };
}

type World = ReturnType<typeof world>;

async function onFreshBroker(story: (world: World) => Promise<void>) {
  const running = await startBroker();
  const dir = mkdtempSync(join(tmpdir(), 'ck-workflow-'));
  try {
    const broker = { url: running.url };
    await ensureEnvironment(broker, 'production', true);
    await story(world(broker, dir));
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the contract workflow on a broker', () => {
  it('verifies a main-branch pact; the provider deploys first, then the consumer', () =>
    onFreshBroker(async (w) => {
      await w.publish('Web', 'Web reads a product', nameOnly, 'web-1', 'main');
      const { report, outcomes } = await w.verify('products-100', 'main');
      expect(outcomes).toEqual({ 'Web reads a product': 'passed' });
      expect(report.passed).toBe(true);

      // Not yet: the Products version Web was verified with is not in production.
      expect(await w.deployable('Web', 'web-1')).not.toBe(true);
      expect(await w.deployable('Products', 'products-100')).toBe(true);
      await w.deploy('Products', 'products-100');
      expect(await w.deployable('Web', 'web-1')).toBe(true);
    }));

  it('treats a feature-branch pact the provider does not honour yet as pending: reported, build not failed', () =>
    onFreshBroker(async (w) => {
      await w.publish('Web', 'Web reads a product', nameOnly, 'web-1', 'main');
      await w.verify('products-100', 'main');
      await w.publish('Web', 'Web reads a product with its price', withPrice, 'web-2', 'feat-price');

      const { report, outcomes } = await w.verify('products-101', 'feat-price');
      expect(outcomes).toEqual({
        'Web reads a product': 'passed',
        'Web reads a product with its price': 'pending',
      });
      expect(report.passed).toBe(true);
      expect(report.interactions.find((i) => i.result === 'pending')?.problems).toEqual([
        'body $: Actual map is missing the following keys: price',
      ]);
    }));

  it('includes work-in-progress pacts only when asked (includeWipPactsSince), as pending', () =>
    onFreshBroker(async (w) => {
      await w.publish('Web', 'Web reads a product', nameOnly, 'web-1', 'main');
      await w.verify('products-100', 'main');
      await w.publish('Web', 'Web reads a product with its price', withPrice, 'web-2', 'feat-price');

      expect((await w.verify('products-101', 'main')).outcomes).toEqual({ 'Web reads a product': 'passed' });
      const withWip = await w.verify('products-102', 'main', { wipSince: '2020-01-01' });
      expect(withWip.outcomes).toEqual({
        'Web reads a product': 'passed',
        'Web reads a product with its price': 'pending',
      });
      expect(withWip.report.passed).toBe(true);
    }));

  it('says no to deploying a consumer whose pact the deployed provider version fails', () =>
    onFreshBroker(async (w) => {
      await w.publish('Web', 'Web reads a product', nameOnly, 'web-1', 'main');
      await w.publish('Web', 'Web reads a product with its price', withPrice, 'web-2', 'feat-price');
      await w.verify('products-100', 'main', { wipSince: '2020-01-01' });
      await w.deploy('Products', 'products-100');

      expect(await w.deployable('Web', 'web-1')).toBe(true);
      expect(await w.deployable('Web', 'web-2')).toBe(false);
    }));

  it('selects a consumer version by deployedOrReleased only once its deployment is recorded', () =>
    onFreshBroker(async (w) => {
      await w.publish('Mobile', 'Mobile reads a product', nameOnly, 'mobile-7', 'release-7');
      const deployedOnly = { selectors: [{ deployedOrReleased: true }] };
      await expect(w.verify('products-100', 'main', deployedOnly)).rejects.toMatchObject({
        code: 'CK_NO_PACTS_FOR_SELECTORS',
      });

      await w.deploy('Mobile', 'mobile-7');
      expect((await w.verify('products-101', 'main', deployedOnly)).outcomes).toEqual({
        'Mobile reads a product': 'passed',
      });
    }));
});

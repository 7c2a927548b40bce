import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@contract-kit/broker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBroker } from '../../src/broker-client/http.ts';
import { publishPacts, recordDeployment } from '../../src/broker-client/operations.ts';
import { ContractKitErrorCodes } from '../../src/errors.ts';
import { formatReport } from '../../src/provider/results.ts';
import { verifyProvider } from '../../src/provider/verify-provider.ts';
import { productPact, productsProvider } from '../e2e/products-provider.ts';

/** What the kit says when a real (embedded) broker refuses, or a pact cannot be had. */
let broker: Awaited<ReturnType<typeof startBroker>>;
let dir: string;
const token = 'broker-errors-token';
const connection = () => ({ url: broker.url, auth: { token } });

beforeAll(async () => {
  broker = await startBroker({ auth: { token }, logger: false });
  dir = mkdtempSync(join(tmpdir(), 'ck-broker-errors-'));
});
afterAll(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

function pactFile(consumer: string, body: Record<string, unknown>): string {
  const file = join(dir, `${consumer}-Products.json`);
  writeFileSync(file, JSON.stringify(productPact(consumer, `${consumer} reads a product`, body)));
  return file;
}

describe('broker errors', () => {
  it('CK_BROKER_AUTH_FAILED when credentials are missing or refused', async () => {
    await expect(checkBroker({ url: broker.url })).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.brokerAuthFailed,
        message: expect.stringMatching(/requires credentials \(401\)/),
      }),
    );
    await expect(checkBroker({ url: broker.url, auth: { token: 'wrong' } })).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.brokerAuthFailed,
        message: expect.stringMatching(/refused the credentials/),
      }),
    );
  });

  it('CK_BROKER_COMMAND_FAILED with the official client’s own words', async () => {
    await expect(
      recordDeployment(connection(), { pacticipant: 'Nobody', version: '1', environment: 'production' }),
    ).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.brokerCommandFailed,
        message: expect.stringMatching(
          /^Recording the deployment of Nobody 1 to production failed \(pact-broker record-deployment exited with \d+\):\n/,
        ),
      }),
    );
  });

  it('CK_NO_PACTS when a folder to publish holds no pact', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    await expect(publishPacts(connection(), { pacts: [empty], version: '1', branch: 'main' })).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.noPacts,
        message: expect.stringContaining(`No pact files in ${empty}`),
      }),
    );
  });

  it('CK_PACTS_NOT_LOADED when PACT_URL is not a pact', async () => {
    const url = `${broker.url}/pacts/provider/Products/consumer/Nobody/latest`;
    await expect(
      verifyProvider({ ...productsProvider(), source: { pactUrl: url, broker: connection() } }),
    ).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.pactsNotLoaded,
        message: `PACT_URL ${url} answered 404, not a pact. Check the URL the webhook sent.`,
      }),
    );
  });
});

describe('PACT_URL', () => {
  it('verifies exactly that pact, names it, and publishes one result', async () => {
    const body = { id: 1, name: 'Product 1' };
    // Directories work as well as files.
    pactFile('Web', body);
    pactFile('Mobile', body);
    await publishPacts(connection(), { pacts: [dir], version: 'consumers-1', branch: 'main' });
    const pactUrl = `${broker.url}/pacts/provider/Products/consumer/Web/version/consumers-1`;
    // As in a webhook-triggered job: the broker is configured too (pact-core's Verifier used to add
    // the broker's whole selection from this variable, and publish a result for each pact).
    const saved = process.env.PACT_BROKER_BASE_URL;
    process.env.PACT_BROKER_BASE_URL = broker.url;
    const report = await verifyProvider({
      ...productsProvider(),
      source: { pactUrl, broker: connection() },
      publish: { providerVersion: 'products-1', providerBranch: 'main' },
    }).finally(() => {
      if (saved === undefined) delete process.env.PACT_BROKER_BASE_URL;
      else process.env.PACT_BROKER_BASE_URL = saved;
    });
    expect(report.passed, formatReport(report)).toBe(true);
    expect(report.interactions.map((i) => [i.description, i.pact.consumer, i.pact.version])).toEqual([
      ['Web reads a product', 'Web', 'consumers-1'],
    ]);
    expect(formatReport(report)).toContain('  pact of Web version consumers-1\n    ✓ Web reads a product');
    const matrix = (await (
      await fetch(`${broker.url}/matrix?q[][pacticipant]=Products&q[][version]=products-1&latestby=cvp`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/hal+json' },
      })
    ).json()) as { matrix: { consumer: { name: string }; verificationResult: unknown }[] };
    expect(matrix.matrix.filter((row) => row.verificationResult).map((row) => row.consumer.name)).toEqual(['Web']);
  });
});

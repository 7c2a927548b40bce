import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBroker } from '@contract-kit/broker';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as coverage } from '../../src/cli/commands/coverage.ts';
import { run as diff } from '../../src/cli/commands/diff.ts';
import { printed } from './printed.ts';

/** diff and coverage against a real (embedded) broker: published pacts, a verification, a deployment. */
let broker: Awaited<ReturnType<typeof startBroker>>;
const fixture = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/diff/${name}.json`, import.meta.url)), 'utf8'));
const openapi = fileURLToPath(new URL('../../../user-service/openapi.json', import.meta.url));

async function call(path: string, method: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${broker.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/hal+json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function verify(consumerVersion: string, providerVersion: string, success: boolean): Promise<void> {
  const pact = await fetch(`${broker.url}/pacts/provider/UserService/consumer/OrderService/version/${consumerVersion}`);
  const links = ((await pact.json()) as { _links: Record<string, { href: string }> })._links;
  const href = links['pb:publish-verification-results']?.href as string;
  await call(new URL(href).pathname, 'POST', { success, providerApplicationVersion: providerVersion });
}

beforeAll(async () => {
  broker = await startBroker({ logger: false });
  await call('/pacts/provider/UserService/consumer/OrderService/version/c1', 'PUT', fixture('base'));
  await call('/pacts/provider/UserService/consumer/OrderService/version/c2', 'PUT', fixture('status-changed'));
  await verify('c1', 'p1', true);
  const environment = await call('/environments', 'POST', { name: 'production', production: true });
  await call(`/pacticipants/UserService/versions/p1/deployed-versions/environment/${environment.uuid}`, 'POST', {});
});
afterAll(() => broker.close());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('contract-kit diff with a broker', () => {
  it('names the deployed provider version that verified the old pact and not the new one, and exits 1', async () => {
    vi.stubEnv('PACT_BROKER_BASE_URL', broker.url);
    const lines = printed();
    expect(await diff({ format: 'json' }, ['broker:OrderService@c1', 'broker:OrderService@c2'])).toBe(1);
    const report = JSON.parse(lines.join('\n'));
    expect(report.pairs[0].deployed).toEqual([
      { environment: 'production', version: 'p1', how: 'deployed', old: 'passed', new: 'not verified' },
    ]);
    expect(report.pairs[0].diff.interactions.find((i: { change: string }) => i.change === 'changed').description).toBe(
      'a request for a user that does not exist',
    );
  });

  it('exits 0 once every deployed provider version has passed the new pact', async () => {
    await verify('c2', 'p1', true);
    vi.stubEnv('PACT_BROKER_BASE_URL', broker.url);
    const lines = printed();
    expect(await diff({}, ['broker:OrderService@c1', 'broker:OrderService@c2'])).toBe(0);
    const output = lines.join('\n');
    expect(output).toContain('    production: deployed version p1: old pact passed, new pact passed');
    expect(output).toMatch(
      /✓ Breaking changes, but nothing they break: every deployed or released version of UserService has verified the new pact\.$/,
    );
  });
});

describe('contract-kit coverage --broker', () => {
  it('reads the latest pact of each consumer of the provider', async () => {
    vi.stubEnv('PACT_BROKER_BASE_URL', broker.url);
    const lines = printed();
    expect(await coverage({ openapi, broker: true, provider: 'UserService', format: 'json' }, [])).toBe(0);
    const report = JSON.parse(lines.join('\n'));
    expect(report.summary.consumers).toEqual(['OrderService']);
    // The latest pact (c2) expects 410 for a missing user, which the document does not list.
    const byId = report.operations.find(
      (o: { path: string; method: string }) => o.method === 'GET' && o.path === '/users/{id}',
    );
    expect(byId.undocumentedStatuses).toEqual([
      {
        status: 410,
        reliedOnBy: [{ consumer: 'OrderService', interaction: 'a request for a user that does not exist' }],
      },
    ]);
  });
});

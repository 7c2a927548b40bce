import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/index.ts';
import { pactBroker, pactDir, removePactDirs } from '../helpers/cli.ts';

/**
 * The official Rust `pact broker` CLI against a real broker on port 0. Each step builds on the previous one, as
 * a delivery pipeline would: publish, verify, deploy, ask can-i-deploy.
 */
describe('official pact-broker CLI', () => {
  let broker: RunningBroker;
  const cli = (...args: string[]) => pactBroker(broker.url, args);
  // biome-ignore lint/suspicious/noExplicitAny: assertions read whatever the broker returned
  const get = async (path: string): Promise<any> => (await fetch(`${broker.url}${path}`)).json();
  const sha = async (version: string) =>
    (await get(`/pacts/provider/Bar/consumer/Foo/version/${version}`))._links['pb:pact-version'].name as string;
  const verify = async (version: string, success: boolean) => {
    const response = await fetch(
      `${broker.url}/pacts/provider/Bar/consumer/Foo/pact-version/${await sha(version)}/verification-results`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ success, providerApplicationVersion: '2.0.0' }),
      },
    );
    expect(response.status).toBe(201);
  };

  // The URLs the broker was asked for, read from its request log: a test waits for a request, not for a time.
  const requested: string[] = [];
  const requestLog = {
    write(line: string) {
      const url = (JSON.parse(line) as { req?: { url?: string } }).req?.url;
      if (url) requested.push(url);
    },
  };

  beforeAll(async () => {
    broker = await startBroker({ logger: { level: 'info', stream: requestLog } });
  });
  afterAll(async () => {
    removePactDirs();
    await broker.close();
  });

  it('publish: creates the version with branch, tags and build URL, and the pact', async () => {
    const result = await cli(
      'publish',
      pactDir('Foo', 'Bar', { id: 1 }),
      '--consumer-app-version',
      '1.0.0',
      '--branch',
      'main',
      '--tag',
      'dev',
      '--build-url',
      'http://ci/1',
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Pact published for Foo version 1.0.0 and provider Bar.');
    const version = await get('/pacticipants/Foo/versions/1.0.0');
    expect(version).toMatchObject({
      number: '1.0.0',
      buildUrl: 'http://ci/1',
      branches: ['main'],
      tags: [{ name: 'dev' }],
    });
    expect((await get('/pacts/provider/Bar/consumer/Foo/latest')).interactions).toHaveLength(1);
  });

  it('publish: fails on a version republished with different content, storing nothing', async () => {
    const result = await cli('publish', pactDir('Foo', 'Bar', { id: 'changed' }), '--consumer-app-version', '1.0.0');
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('Cannot change the content of the pact for Foo version 1.0.0');
    expect((await get('/pacts/provider/Bar/consumer/Foo/latest')).interactions[0].response.body).toEqual({ id: 1 });
  });

  it('create-environment and list-environments', async () => {
    const created = await cli(
      'create-environment',
      '--name',
      'production',
      '--display-name',
      'Production',
      '--production',
    );
    expect(created.code, created.stdout).toBe(0);
    expect((await cli('create-environment', '--name', 'test')).code).toBe(0);
    const environments = (await get('/environments'))._embedded.environments;
    expect(
      environments.map((e: { name: string; production: boolean; displayName: string }) => [
        e.name,
        e.displayName,
        e.production,
      ]),
    ).toEqual([
      ['production', 'Production', true],
      ['test', 'test', false],
    ]);
    const listed = await cli('list-environments');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/production\s.*Production\s.*true/);
  });

  it('can-i-deploy: unknown (exit 1) before the provider is in the environment', async () => {
    const result = await cli(
      'can-i-deploy',
      '--pacticipant',
      'Foo',
      '--version',
      '1.0.0',
      '--to-environment',
      'production',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'There is no verified pact between version 1.0.0 of Foo and a version of Bar currently in production (no version is currently recorded as deployed/released in this environment)',
    );
  });

  it('record-deployment, then can-i-deploy says yes (exit 0)', async () => {
    await verify('1.0.0', true);
    const recorded = await cli(
      'record-deployment',
      '--pacticipant',
      'Bar',
      '--version',
      '2.0.0',
      '--environment',
      'production',
    );
    expect(recorded.code, recorded.stdout).toBe(0);
    const environment = (await get('/environments?name=production'))._embedded.environments[0];
    const deployed = await get(
      `/environments/${environment.uuid}/deployed-versions/currently-deployed?pacticipant=Bar`,
    );
    expect(
      deployed._embedded.deployedVersions.map(
        (d: { _embedded: { version: { number: string } } }) => d._embedded.version.number,
      ),
    ).toEqual(['2.0.0']);

    const result = await cli(
      'can-i-deploy',
      '--pacticipant',
      'Foo',
      '--version',
      '1.0.0',
      '--to-environment',
      'production',
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Computer says yes');
  });

  it('can-i-deploy: a new version with the same content is already verified', async () => {
    expect(
      (await cli('publish', pactDir('Foo', 'Bar', { id: 1 }), '--consumer-app-version', '1.0.1', '--branch', 'main'))
        .code,
    ).toBe(0);
    expect(
      (await cli('can-i-deploy', '--pacticipant', 'Foo', '--version', '1.0.1', '--to-environment', 'production')).code,
    ).toBe(0);
  });

  it('can-i-deploy --retry-while-unknown: waits for the verification result to arrive', async () => {
    expect(
      (await cli('publish', pactDir('Foo', 'Bar', { id: 2 }), '--consumer-app-version', '1.1.0', '--branch', 'main'))
        .code,
    ).toBe(0);
    const waiting = cli(
      'can-i-deploy',
      '--pacticipant',
      'Foo',
      '--version',
      '1.1.0',
      '--to-environment',
      'production',
      '--retry-while-unknown',
      '20',
      '--retry-interval',
      '1',
    );
    // Verified only once can-i-deploy has asked and been told "unknown": the answer must come from a retry.
    const askedFor110 = () => requested.filter((url) => url.startsWith('/matrix') && url.includes('1.1.0')).length;
    await expect.poll(askedFor110, { timeout: 30_000 }).toBeGreaterThan(0);
    await verify('1.1.0', true);
    const result = await waiting;
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Computer says yes');
  });

  it('can-i-deploy: says no (exit 1) when the verification failed, or the version does not exist', async () => {
    expect(
      (await cli('publish', pactDir('Foo', 'Bar', { id: 3 }), '--consumer-app-version', '1.2.0', '--branch', 'main'))
        .code,
    ).toBe(0);
    await verify('1.2.0', false);
    const failed = await cli(
      'can-i-deploy',
      '--pacticipant',
      'Foo',
      '--version',
      '1.2.0',
      '--to-environment',
      'production',
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(
      'The verification for the pact between version 1.2.0 of Foo and the version of Bar currently in production (2.0.0) failed',
    );
    const json = await cli(
      'can-i-deploy',
      '--pacticipant',
      'Foo',
      '--version',
      '1.2.0',
      '--pacticipant',
      'Bar',
      '--version',
      '2.0.0',
      '--output',
      'json',
    );
    expect(JSON.parse(json.stdout).summary).toMatchObject({ deployable: false, failed: 1 });
    const missing = await cli(
      'can-i-deploy',
      '--pacticipant',
      'Foo',
      '--version',
      '9.9.9',
      '--to-environment',
      'production',
    );
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('No pacts or verifications have been published for version 9.9.9 of Foo');
  });

  it('record-undeployment', async () => {
    const result = await cli('record-undeployment', '--pacticipant', 'Bar', '--environment', 'production');
    expect(result.code, result.stdout).toBe(0);
    const environment = (await get('/environments?name=production'))._embedded.environments[0];
    expect(
      (await get(`/environments/${environment.uuid}/deployed-versions/currently-deployed`))._embedded.deployedVersions,
    ).toEqual([]);
  });

  it('record-release', async () => {
    const result = await cli(
      'record-release',
      '--pacticipant',
      'Bar',
      '--version',
      '2.0.0',
      '--environment',
      'production',
    );
    expect(result.code, result.stdout).toBe(0);
    const environment = (await get('/environments?name=production'))._embedded.environments[0];
    const released = await get(
      `/environments/${environment.uuid}/released-versions/currently-supported?pacticipant=Bar`,
    );
    expect(
      released._embedded.releasedVersions.map(
        (r: { _embedded: { version: { number: string } } }) => r._embedded.version.number,
      ),
    ).toEqual(['2.0.0']);
    expect(
      (await cli('can-i-deploy', '--pacticipant', 'Foo', '--version', '1.0.0', '--to-environment', 'production')).code,
    ).toBe(0);
  });

  it('record-support-ended: ends support for the named version only', async () => {
    const release = (version: string) =>
      cli('record-release', '--pacticipant', 'Bar', '--version', version, '--environment', 'production');
    expect((await cli('create-or-update-version', '--pacticipant', 'Bar', '--version', '2.0.1')).code).toBe(0);
    expect((await release('2.0.1')).code).toBe(0);
    const ended = await cli(
      'record-support-ended',
      '--pacticipant',
      'Bar',
      '--version',
      '2.0.1',
      '--environment',
      'production',
    );
    expect(ended.code, ended.stdout + ended.stderr).toBe(0);
    const environment = (await get('/environments?name=production'))._embedded.environments[0];
    const supported = await get(
      `/environments/${environment.uuid}/released-versions/currently-supported?pacticipant=Bar`,
    );
    expect(
      supported._embedded.releasedVersions.map(
        (r: { _embedded: { version: { number: string } } }) => r._embedded.version.number,
      ),
    ).toEqual(['2.0.0']);
  });

  it('create-version-tag and describe-version', async () => {
    const tagged = await cli('create-version-tag', '--pacticipant', 'Foo', '--version', '1.0.0', '--tag', 'prod');
    expect(tagged.code, tagged.stdout).toBe(0);
    expect((await get('/pacticipants/Foo/versions/1.0.0/tags/prod')).name).toBe('prod');
    const described = await cli('describe-version', '--pacticipant', 'Foo', '--latest', 'prod', '--output', 'json');
    expect(described.code, described.stdout).toBe(0);
    expect(JSON.parse(described.stdout)).toMatchObject({
      number: '1.0.0',
      _embedded: { tags: [{ name: 'dev' }, { name: 'prod' }] },
    });
    const latest = await cli('describe-version', '--pacticipant', 'Foo');
    expect(latest.stdout).toContain('1.2.0');
  });

  it('create-or-update-pacticipant', async () => {
    const created = await cli(
      'create-or-update-pacticipant',
      '--name',
      'Baz',
      '--repository-url',
      'http://baz',
      '--main-branch',
      'main',
    );
    expect(created.code, created.stdout).toBe(0);
    const updated = await cli('create-or-update-pacticipant', '--name', 'Baz', '--display-name', 'The Baz');
    expect(updated.code, updated.stdout).toBe(0);
    expect(await get('/pacticipants/Baz')).toMatchObject({
      name: 'Baz',
      displayName: 'The Baz',
      repositoryUrl: 'http://baz',
      mainBranch: 'main',
    });
  });

  it('list-latest-pact-versions', async () => {
    const result = await cli('list-latest-pact-versions', '--output', 'json');
    expect(result.code, result.stdout).toBe(0);
    const latest = JSON.parse(result.stdout);
    expect(
      latest.pacts.map(
        (p: { _embedded: { consumer: { _embedded: { version: { number: string } } } } }) =>
          p._embedded.consumer._embedded.version.number,
      ),
    ).toEqual(['1.2.0']);
    expect((await cli('list-latest-pact-versions')).stdout).toMatch(/Foo.*1\.2\.0.*Bar/);
  });
});

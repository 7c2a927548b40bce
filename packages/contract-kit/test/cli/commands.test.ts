import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run as lint } from '../../src/cli/commands/lint.ts';
import { run as merge } from '../../src/cli/commands/merge.ts';
import { commands } from '../../src/cli/registry.ts';
import { ContractKitErrorCodes } from '../../src/errors.ts';
import { expandPactPaths } from '../../src/pact-files.ts';
import { printed } from './printed.ts';

const dir = mkdtempSync(join(tmpdir(), 'ck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const pact = {
  consumer: { name: 'Web' },
  provider: { name: 'Api' },
  interactions: [
    {
      description: 'a ping',
      request: { method: 'GET', path: '/ping' },
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: { ok: true } },
    },
  ],
  metadata: { pactSpecification: { version: '3.0.0' } },
};

describe('contract-kit lint', () => {
  it('takes a directory (it failed with EISDIR), a file, or both', async () => {
    writeFileSync(join(dir, 'Web-Api.json'), JSON.stringify(pact));
    const lines = printed();
    expect(await lint({}, [dir])).toBe(0);
    expect(await lint({}, [join(dir, 'Web-Api.json'), dir])).toBe(0);
    expect(lines[0]).toMatch(/^✓ no problems \(1 pact file, 1 interaction/);
    expect(lines[1]).toMatch(/^✓ no problems \(2 pact files, 2 interaction/);
  });

  it('says so when a directory holds no pact', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    await expect(lint({}, [empty])).rejects.toThrowError(
      expect.objectContaining({ code: ContractKitErrorCodes.noPacts }),
    );
  });
});

describe('expandPactPaths', () => {
  it('expands folders to their pact files and keeps files and missing paths as given', () => {
    expect(expandPactPaths([dir, join(dir, 'nope.json')])).toEqual([join(dir, 'Web-Api.json'), join(dir, 'nope.json')]);
  });
});

describe('contract-kit merge', () => {
  it('says there is nothing to merge before any consumer test ran', async () => {
    const lines = printed();
    expect(await merge({ 'pact-dir': join(dir, 'none') })).toBe(0);
    expect(lines).toEqual([`No pact parts under ${join(dir, 'none')}: run the consumer tests first.`]);
  });
});

describe('the command registry', () => {
  it('loads every command lazily, each with a run function', async () => {
    for (const spec of Object.values(commands)) expect(typeof (await spec.load()).run).toBe('function');
    expect(Object.keys(commands)).toEqual([
      'publish',
      'verify',
      'can-i-deploy',
      'record-deployment',
      'create-environment',
      'lint',
      'merge',
      'diff',
      'coverage',
    ]);
  });
});

describe('contract-kit can-i-deploy', () => {
  it('asks about a version, the latest, a branch or the main branch, with retries', async () => {
    const { startBroker } = await import('@contract-kit/broker');
    const { ensureEnvironment, publishPacts } = await import('../../src/broker-client/operations.ts');
    const { run: canIDeploy } = await import('../../src/cli/commands/can-i-deploy.ts');
    const broker = await startBroker({ logger: false });
    const saved = process.env.PACT_BROKER_BASE_URL;
    process.env.PACT_BROKER_BASE_URL = broker.url;
    try {
      writeFileSync(join(dir, 'Web-Api.json'), JSON.stringify(pact));
      await publishPacts({ url: broker.url }, { pacts: [join(dir, 'Web-Api.json')], version: 'w1', branch: 'main' });
      await ensureEnvironment({ url: broker.url }, 'production', true);
      const lines = printed();
      // Nothing verified Web's pact yet: every answer is no, but each names what it asked about.
      expect(await canIDeploy({ pacticipant: 'Web', version: 'w1' })).toBe(1);
      expect(await canIDeploy({ pacticipant: 'Web', latest: '' })).toBe(1);
      expect(await canIDeploy({ pacticipant: 'Web', branch: 'main', 'retry-interval': '1' })).toBe(1);
      expect(await canIDeploy({ pacticipant: 'Web', 'main-branch': true })).toBe(1);
      // The question lines only: each answer also prints its reasons (tested with the reasons themselves).
      const questions = lines.filter((line) => line.startsWith('Can '));
      expect(questions.map((line) => line.replace(/\? .*$/, '?'))).toEqual([
        'Can Web w1 be deployed to production?',
        'Can Web latest be deployed to production?',
        'Can Web latest on branch main be deployed to production?',
        'Can Web latest on the main branch be deployed to production?',
      ]);
      // Asked without a version number, the broker's advice follows the answer on a line of its own, once.
      expect(
        lines.filter((line) => line.startsWith('  WARN: It is recommended to specify the version number')),
      ).toHaveLength(3);
      await expect(canIDeploy({ pacticipant: 'Web', version: 'w1', branch: 'main' })).rejects.toThrowError(
        expect.objectContaining({ code: ContractKitErrorCodes.configInvalid }),
      );
    } finally {
      if (saved === undefined) delete process.env.PACT_BROKER_BASE_URL;
      else process.env.PACT_BROKER_BASE_URL = saved;
      await broker.close();
    }
  });
});

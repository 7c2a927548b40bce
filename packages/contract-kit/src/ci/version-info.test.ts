import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractKitErrorCodes } from '../errors.ts';
import { detectVersionInfo } from './version-info.ts';

const repo = mkdtempSync(join(tmpdir(), 'ck-git-'));
const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
run('init', '-q', '-b', 'feature/login');
run('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'first');
const head = run('rev-parse', 'HEAD');
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('detectVersionInfo', () => {
  it('takes the commit and branch from git outside CI', async () => {
    expect(await detectVersionInfo({ env: {}, cwd: repo })).toEqual({
      version: head,
      branch: 'feature/login',
      isCi: false,
      source: 'git',
    });
  });

  it('takes them from the CI service when there is one (GitHub Actions)', async () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_SHA: 'abc123',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'team/orders',
      GITHUB_RUN_ID: '42',
    };
    expect(await detectVersionInfo({ env, cwd: repo })).toEqual({
      version: 'abc123',
      branch: 'main',
      buildUrl: 'https://github.example/team/orders/actions/runs/42',
      isCi: true,
      source: 'GitHub Actions',
    });
  });

  it('falls back on GIT_COMMIT and GIT_BRANCH before asking git', async () => {
    expect(
      await detectVersionInfo({ env: { GIT_COMMIT: 'def456', GIT_BRANCH: 'origin/release/2' }, cwd: repo }),
    ).toEqual({ version: 'def456', branch: 'release/2', isCi: false, source: 'GIT_COMMIT/GIT_BRANCH' });
  });

  it('lets PACT_VERSION and PACT_BRANCH override everything', async () => {
    expect(
      await detectVersionInfo({ env: { PACT_VERSION: '1.2.3', PACT_BRANCH: 'release' }, cwd: repo }),
    ).toMatchObject({
      version: '1.2.3',
      branch: 'release',
      source: 'PACT_VERSION/PACT_BRANCH',
    });
  });

  it('says what to set when there is no git and no CI', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ck-nogit-'));
    try {
      await expect(detectVersionInfo({ env: {}, cwd: empty })).rejects.toThrowError(
        expect.objectContaining({ code: ContractKitErrorCodes.versionUnknown }),
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

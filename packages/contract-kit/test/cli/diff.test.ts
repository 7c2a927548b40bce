import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run as diff } from '../../src/cli/commands/diff.ts';
import { ContractKitErrorCodes } from '../../src/errors.ts';
import { printed } from './printed.ts';

const fixtures = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));
const openapi = fileURLToPath(new URL('../../../user-service/openapi.json', import.meta.url));
const fixture = (name: string) => join(fixtures, `${name}.json`);
const dir = mkdtempSync(join(tmpdir(), 'ck-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('contract-kit diff', () => {
  it('exits 0 on identical pacts and says there is no change', async () => {
    const lines = printed();
    expect(await diff({}, [fixture('base'), fixture('base')])).toBe(0);
    expect(lines.join('\n')).toMatch(/No contract changes between .*base\.json and .*base\.json\.$/);
  });

  it('exits 1 on a breaking change, naming the interaction and the field', async () => {
    const lines = printed();
    expect(await diff({}, [fixture('base'), fixture('field-added')])).toBe(1);
    const output = lines.join('\n');
    expect(output).toContain('  breaking  changed  "a batch lookup of users by id" (GET /users)');
    expect(output).toContain('    breaking  response body $.items[*].email: added (type)');
    expect(output).toMatch(/✗ Breaking for the provider: 1 interaction \("a batch lookup of users by id"\)\.$/);
  });

  it('exits 0 with "relaxing" on a loosened matcher', async () => {
    const lines = printed();
    expect(await diff({}, [fixture('base'), fixture('matcher-loosened')])).toBe(0);
    const output = lines.join('\n');
    expect(output).toContain('    relaxing  response body $.items[*].id: matcher changed: integer → type');
    expect(output).toMatch(/✓ Nothing breaking: the changes are relaxing or neutral for the provider\.$/);
  });

  it('with --openapi, clears a breaking change the provider’s schema already satisfies', async () => {
    const lines = printed();
    expect(await diff({ openapi }, [fixture('base'), fixture('field-added')])).toBe(0);
    expect(lines.join('\n')).toContain('OpenAPI: the provider’s schema already satisfies it');
  });

  it('with --openapi, keeps a breaking change the schema does not satisfy, and says why', async () => {
    const lines = printed();
    expect(await diff({ openapi }, [fixture('base'), fixture('status-changed')])).toBe(1);
    expect(lines.join('\n')).toContain(
      'OpenAPI: the provider’s schema does not satisfy it: Response status code not defined in spec file: 410',
    );
  });

  it('writes GitHub annotations on the new pact file, an error for what blocks', async () => {
    const lines = printed();
    expect(await diff({ format: 'github' }, [fixture('base'), fixture('status-changed')])).toBe(1);
    expect(lines.join('\n')).toMatch(
      /^::error file=.*status-changed\.json,title=breaking contract change%3A a request for a user that does not exist::OrderService → UserService, GET \/users\/404: changed%0Abreaking: response status: status changed: 404 → 410\./,
    );
  });

  it('writes JSON with every interaction’s classification', async () => {
    const lines = printed();
    await diff({ format: 'json' }, [fixture('base'), fixture('interaction-removed')]);
    const report = JSON.parse(lines.join('\n'));
    expect(report.blocking).toBe(false);
    expect(report.pairs[0].diff.summary).toEqual({
      added: 0,
      removed: 1,
      changed: 0,
      unchanged: 8,
      breaking: 0,
      relaxing: 1,
      neutral: 0,
    });
  });

  it('compares folders pact by pact', async () => {
    const before = join(dir, 'before');
    const after = join(dir, 'after');
    mkdirSync(before);
    mkdirSync(after);
    copyFileSync(fixture('base'), join(before, 'OrderService-UserService.json'));
    copyFileSync(fixture('type-changed'), join(after, 'OrderService-UserService.json'));
    const lines = printed();
    expect(await diff({}, [before, after])).toBe(1);
    expect(lines.join('\n')).toContain('    breaking  response body $.id: type changed: 42 → "42"');
  });

  it('compares git revisions of the pact folder (main..HEAD)', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'pacts'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    copyFileSync(fixture('base'), join(repo, 'pacts', 'OrderService-UserService.json'));
    git('add', '.');
    git('commit', '-qm', 'pact');
    git('checkout', '-qb', 'change');
    copyFileSync(fixture('response-header-removed'), join(repo, 'pacts', 'OrderService-UserService.json'));
    git('commit', '-qam', 'header gone');
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const lines = printed();
      expect(await diff({}, ['main..HEAD'])).toBe(0);
      const output = lines.join('\n');
      expect(output).toMatch(
        /^OrderService → UserService: pacts\/OrderService-UserService.json at main \(\w{7}\) → pacts\/OrderService-UserService.json at HEAD \(\w{7}\)/,
      );
      expect(output).toContain('    relaxing  response header Content-Type: removed');
    } finally {
      process.chdir(cwd);
    }
  });

  it('names a side it cannot read', async () => {
    await expect(diff({}, [fixture('base'), 'no-such-revision'])).rejects.toThrowError(
      expect.objectContaining({ code: ContractKitErrorCodes.diffSourceInvalid }),
    );
  });

  it('refuses an unknown format', async () => {
    await expect(diff({ format: 'html' }, [fixture('base'), fixture('base')])).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.configInvalid,
        message: '--format must be text, markdown, github, json, not "html".',
      }),
    );
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run as coverage } from '../../src/cli/commands/coverage.ts';
import { ContractKitErrorCodes } from '../../src/errors.ts';
import { printed } from './printed.ts';

const pacts = fileURLToPath(new URL('../../../../pacts/', import.meta.url));
const openapi = fileURLToPath(new URL('../../../user-service/openapi.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ck-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('contract-kit coverage', () => {
  it('reports on the pacts of the provider the OpenAPI document names', async () => {
    const lines = printed();
    expect(await coverage({ openapi }, [pacts])).toBe(0);
    const output = lines.join('\n');
    expect(output).toMatch(/^UserService: 2 of 6 operations covered \(33%\)/);
    expect(output).toContain(
      'Relied on by no consumer: GET /health, POST /users, DELETE /users/{id}, PATCH /users/{id}',
    );
    expect(output).toContain('       $.email                      OrderService (3 interactions)');
  });

  it('writes markdown with the summary figure', async () => {
    const lines = printed();
    await coverage({ openapi, format: 'markdown' }, [pacts]);
    expect(lines.join('\n')).toContain(
      '**2 of 6 operations** covered, 5 of 34 responses, **22 of 186 response fields** relied on, by OrderService.',
    );
  });

  it('writes the picture to --output', async () => {
    const file = join(dir, 'coverage.svg');
    expect(await coverage({ openapi, format: 'svg', output: file }, [pacts])).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<svg [^>]*>\n[\s\S]*<\/svg>\n$/);
  });

  it('says which providers there are when none is the one asked for', async () => {
    await expect(coverage({ openapi, provider: 'Billing' }, [pacts])).rejects.toThrowError(
      expect.objectContaining({
        code: ContractKitErrorCodes.noPacts,
        message: expect.stringMatching(/^No pacts with the provider Billing in .*\(there are pacts with UserService/),
      }),
    );
  });

  it('needs --openapi', async () => {
    await expect(coverage({}, [pacts])).rejects.toThrowError(
      expect.objectContaining({ code: ContractKitErrorCodes.configInvalid, message: '--openapi is required.' }),
    );
  });
});

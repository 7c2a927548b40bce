import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport } from 'contract-kit/provider';
import { describe, expect, it } from 'vitest';
import { userServicePactFiles, verifyUserService } from './verification.ts';

describe('UserService honours its consumers’ pacts', () => {
  it('verifies every interaction against the real running service, using every state handler', async () => {
    const report = await verifyUserService();
    const failed = report.interactions.filter((i) => i.result !== 'passed');
    expect(failed, formatReport(report)).toEqual([]);
    expect(report.passed).toBe(true);
    const declared = userServicePactFiles().flatMap(
      (file) => (JSON.parse(readFileSync(file, 'utf8')) as { interactions: { description: string }[] }).interactions,
    );
    expect(report.interactions.map((i) => i.description).sort()).toEqual(declared.map((i) => i.description).sort());
    expect(report.unusedStates).toEqual([]);
  });

  it('reports the state handlers the verified pacts do not use', async () => {
    const pact = JSON.parse(readFileSync(userServicePactFiles()[0] ?? '', 'utf8')) as {
      interactions: { description: string }[];
    };
    pact.interactions = pact.interactions.filter((i) => i.description === 'a request for a user that does not exist');
    const dir = mkdtempSync(join(tmpdir(), 'us-unused-'));
    try {
      const file = join(dir, 'OrderService-UserService.json');
      writeFileSync(file, JSON.stringify(pact));
      const report = await verifyUserService({ pactFiles: [file] });
      expect(report.unusedStates).toEqual(['a token exists', 'a user exists', 'users exist']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

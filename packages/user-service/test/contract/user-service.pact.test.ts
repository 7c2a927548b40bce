import { formatReport } from 'contract-kit/provider';
import { describe, expect, it } from 'vitest';
import { verifyUserService } from './verification.ts';

describe('UserService honours its consumers’ pacts', () => {
  it('verifies every interaction against the real running service', async () => {
    const report = await verifyUserService();
    const failed = report.interactions.filter((i) => i.result !== 'passed');
    expect(failed, formatReport(report)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.interactions.length).toBeGreaterThan(0);
  });
});

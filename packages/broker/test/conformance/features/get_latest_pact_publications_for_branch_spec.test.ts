import { describe, expect, it } from 'vitest';
import { branchPacts, expectVersions } from '../branch-pacts.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_latest_pact_publications_for_branch_spec.rb', () => {
  const broker = freshBroker();

  it('returns the latest pact for the branch', async () => {
    await branchPacts(broker.app);
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/branch/foo/latest/versions');
    expect(response.statusCode).toBe(200);
    expectVersions(response.json(), ['3']);
  });
});

import { describe, expect, it } from 'vitest';
import { branchPacts, expectVersions } from '../branch-pacts.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_pact_publications_for_main_branch_spec.rb', () => {
  const broker = freshBroker();

  it('returns the pact publications for associated consumers main branch', async () => {
    await branchPacts(broker.app, { v4Pact: false });
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/branch/versions');
    expect(response.statusCode).toBe(200);
    expectVersions(response.json(), ['1', '2']);
  });
});

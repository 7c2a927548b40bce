import { describe, expect, it } from 'vitest';
import { branchPacts, expectVersions } from '../branch-pacts.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_pact_publications_for_branch_spec.rb', () => {
  const broker = freshBroker();

  it('returns the pact publications for associated consumers named branch', async () => {
    await branchPacts(broker.app, { v4Pact: false, v5OnFoo: true });
    const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/branch/foo');
    expect(response.statusCode).toBe(200);
    expectVersions(response.json(), ['3', '5']);
  });

  it('returns the latest pact for the branch', async () => {
    await branchPacts(broker.app, { mainBranch: false, v4Pact: false });
    expectVersions((await broker.get('/pacts/provider/Provider/consumer/Consumer/branch/main')).json(), ['1', '2']);
  });
});

import { describe, expect, it } from 'vitest';
import { branchPacts, hrefs } from '../branch-pacts.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_branch_provider_pact_publications_spec.rb', () => {
  const broker = freshBroker();

  it('returns a list of latest pact publications for a provider, for any consumers main branch', async () => {
    await branchPacts(broker.app);
    const response = await broker.get('/pacts/provider/Provider/branch/foo');
    expect(response.statusCode).toBe(200);
    expect(hrefs(response.json()._links['pb:pacts'])).toEqual(['3']);
  });
});

import type { FastifyInstance } from 'fastify';
import { publish, shaOf } from '../helpers/broker.ts';
import { abPact, interaction } from './pact-fixtures.ts';

/** A verification result like the real specs' fixture (spec/fixtures/verification.json), written for these tests. */
export const verificationContent = {
  success: true,
  providerApplicationVersion: '4.5.6',
  testResults: { some: 'results' },
  verifiedBy: { implementation: 'Ruby', version: '1234' },
};

/**
 * The real publish-verification specs' data: Consumer versions 1.0.0 and 1.2.3 publish for Provider, and 1.2.3's
 * pact is then revised (merged with a new interaction). Answers the revised pact's SHA, the one verified.
 */
export async function revisedPact(app: FastifyInstance): Promise<string> {
  const c = { consumer: 'Consumer', provider: 'Provider' };
  await publish(app, { ...c, version: '1.0.0' });
  await publish(app, { ...c, version: '1.2.3', interactions: ['first'] });
  const before = await shaOf(app, 'Provider', 'Consumer', '1.2.3');
  await app.inject({
    method: 'PATCH',
    url: '/pacts/provider/Provider/consumer/Consumer/version/1.2.3',
    payload: abPact([interaction('a revision')], 'Consumer', 'Provider'),
  });
  const after = await shaOf(app, 'Provider', 'Consumer', '1.2.3');
  if (after === before) throw new Error('the pact was not revised');
  return after;
}

import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { pact, publish } from '../helpers/broker.ts';

/**
 * The data the real branch pact-list specs share: "Consumer" (main branch `main`) publishes for "Provider"
 * from versions 1 and 2 on main, 3 on foo, and 4 on main; `v4Pact: false` leaves version 4 without a pact,
 * `v5OnFoo` adds version 5 on foo. Versions 2 and 4 publish the same content (the seed data's pact_1).
 */
export async function branchPacts(
  app: FastifyInstance,
  options: { mainBranch?: boolean; v4Pact?: boolean; v5OnFoo?: boolean } = {},
) {
  const { mainBranch = true, v4Pact = true, v5OnFoo = false } = options;
  if (mainBranch) {
    await app.inject({ method: 'POST', url: '/pacticipants', payload: { name: 'Consumer', mainBranch: 'main' } });
  }
  const seed = pact('Consumer', 'Provider', ['a request for an alligator']);
  const c = { consumer: 'Consumer', provider: 'Provider' };
  await publish(app, { ...c, version: '1', branch: 'main' });
  await publish(app, { ...c, version: '2', branch: 'main', content: seed });
  await publish(app, { ...c, version: '3', branch: 'foo', interactions: ['on foo'] });
  if (v4Pact) await publish(app, { ...c, version: '4', branch: 'main', content: seed });
  else await app.inject({ method: 'PUT', url: '/pacticipants/Consumer/branches/main/versions/4', payload: {} });
  if (v5OnFoo) await publish(app, { ...c, version: '5', branch: 'foo', interactions: ['on foo again'] });
}

export const hrefs = (links: { href: string }[]) => links.map((l) => l.href.split('/').pop());
interface Listed {
  _embedded: { pacts: { _embedded: { consumerVersion: { number: string } } }[] };
  _links: { 'pact-versions': { name: string }[] };
}

/** The pacts an integration list shows, by consumer version, in both places the real specs check. */
export function expectVersions(body: Listed, numbers: string[]) {
  expect(body._embedded.pacts.map((p) => p._embedded.consumerVersion.number)).toEqual(numbers);
  expect(body._links['pact-versions']).toHaveLength(numbers.length);
  body._links['pact-versions'].forEach((l, i) => expect(l.name).toContain(`Version ${numbers[i]}`));
}

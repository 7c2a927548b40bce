/**
 * Server render time of every broker page at scale: 1,000 pacticipants, 10,000 versions, 2,000 integrations,
 * 20,000 pact publications, verifications and deployments, on SQLite in memory. Each page is asked for 15
 * times through fastify's inject (no network); the median and the slowest are printed against the 100 ms budget.
 *   npm run bench:ui [-- --pacticipants 1000 --versions-each 10 --runs 15]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildBroker } from '../../packages/broker/src/app.ts';

const { values } = parseArgs({
  options: {
    pacticipants: { type: 'string', default: '1000' },
    'versions-each': { type: 'string', default: '10' },
    runs: { type: 'string', default: '15' },
  },
});
const N = Number(values.pacticipants);
const EACH = Number(values['versions-each']);
const RUNS = Number(values.runs);
const BUDGET_MS = 100;

const app = await buildBroker({ dataDir: ':memory:', baseUrl: 'http://bench.test' });
const db = app.broker.repos.db;
const at = '2024-01-01T00:00:00.000Z';
const name = (i: number) => `Service-${String(i).padStart(4, '0')}`;

const pactFor = (consumer: string, provider: string, interactions: number) =>
  JSON.stringify({
    consumer: { name: consumer },
    provider: { name: provider },
    interactions: Array.from({ length: interactions }, (_, k) => ({
      _id: `${consumer}-${provider}-${k}`,
      description: `request ${k}`,
      providerStates: [{ name: 'things exist', params: { id: k } }],
      request: { method: 'GET', path: `/things/${k}`, headers: { Accept: 'application/json' } },
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: { id: k, name: 'thing', tags: ['a', 'b'], owner: { id: 1, email: 'a@b.c' } },
        matchingRules: {
          body: { '$.id': { matchers: [{ match: 'integer' }] }, '$.tags': { matchers: [{ match: 'type', min: 1 }] } },
        },
      },
    })),
    metadata: { pactSpecification: { version: '3.0.0' } },
  });

const seedStart = performance.now();
await db.transaction().execute(async (trx) => {
  await sql`insert into environments (uuid, name, display_name, production, contacts, created_at, updated_at)
    values ('env-prod', 'production', null, 1, null, ${at}, ${at})`.execute(trx);
  for (let i = 0; i < N; i += 1) {
    await sql`insert into pacticipants (id, name, display_name, repository_url, repository_name, repository_namespace, main_branch, created_at, updated_at)
      values (${i + 1}, ${name(i)}, null, null, null, null, 'main', ${at}, ${at})`.execute(trx);
    await sql`insert into branches (id, pacticipant_id, name, created_at) values (${i + 1}, ${i + 1}, 'main', ${at})`.execute(
      trx,
    );
  }
  let versionId = 0;
  const versionOf = (p: number, k: number) => p * EACH + k + 1;
  for (let p = 0; p < N; p += 1) {
    for (let k = 0; k < EACH; k += 1) {
      versionId += 1;
      await sql`insert into versions (id, pacticipant_id, number, build_url, created_at, updated_at)
        values (${versionOf(p, k)}, ${p + 1}, ${`1.0.${k}`}, null, ${at}, ${at})`.execute(trx);
      await sql`insert into branch_versions (branch_id, version_id, pacticipant_id, created_at)
        values (${p + 1}, ${versionOf(p, k)}, ${p + 1}, ${at})`.execute(trx);
    }
    await sql`insert into deployed_versions (uuid, pacticipant_id, version_id, environment_id, application_instance, currently_deployed, created_at, undeployed_at)
      values (${`dep-${p}`}, ${p + 1}, ${versionOf(p, EACH - 1)}, 1, '', 1, ${at}, null)`.execute(trx);
  }
  // Each pacticipant consumes the next two: two integrations each; every version publishes, the content
  // changing every other version (one interaction more each time, so the diff page has work); the provider's latest version verifies each content.
  let pactVersionId = 0;
  let verificationId = 0;
  for (let c = 0; c < N; c += 1) {
    for (const offset of [1, 2]) {
      const p = (c + offset) % N;
      let current = 0;
      for (let k = 0; k < EACH; k += 1) {
        if (k % 2 === 0) {
          pactVersionId += 1;
          current = pactVersionId;
          await sql`insert into pact_versions (id, consumer_id, provider_id, sha, content, created_at)
            values (${current}, ${c + 1}, ${p + 1}, ${`sha-${current}`}, ${pactFor(name(c), name(p), 8 + k / 2)}, ${at})`.execute(
            trx,
          );
          verificationId += 1;
          await sql`insert into verifications (id, number, pact_version_id, consumer_id, provider_id, provider_version_id, success, wip, pending, build_url, test_results, verified_by, created_at)
            values (${verificationId}, 1, ${current}, ${c + 1}, ${p + 1}, ${versionOf(p, EACH - 1)}, ${k % 4 === 0 ? 1 : 0}, 0, null, null, null, null, ${at})`.execute(
            trx,
          );
        }
        await sql`insert into pact_publications (consumer_id, provider_id, consumer_version_id, pact_version_id, revision_number, created_at, updated_at)
          values (${c + 1}, ${p + 1}, ${versionOf(c, k)}, ${current}, 1, ${at}, ${at})`.execute(trx);
      }
    }
  }
  console.log(
    `seeded ${N} pacticipants, ${versionId} versions, ${2 * N} integrations, ${2 * N * EACH} publications, ${verificationId} verifications`,
  );
});
console.log(`seeding took ${Math.round(performance.now() - seedStart)} ms`);

const focus = name(Math.floor(N / 2));
const pages: [string, string][] = [
  ['index', '/ui'],
  ['index, searched', `/ui?q=${encodeURIComponent('Service-05')}`],
  ['network (all)', '/ui/network'],
  ['network, focused', `/ui/network?focus=${focus}`],
  ['pacticipant', `/ui/pacticipants/${focus}`],
  ['pact viewer', `/ui/pacts/provider/${name(Math.floor(N / 2) + 1)}/consumer/${focus}/version/1.0.${EACH - 1}`],
  [
    'pact diff',
    `/ui/pacts/provider/${name(Math.floor(N / 2) + 1)}/consumer/${focus}/diff?from=1.0.${EACH - 3}&to=1.0.${EACH - 1}`,
  ],
  ['matrix', '/ui/matrix'],
  ['matrix, filtered', `/ui/matrix?consumer=${focus}&status=failed`],
  ['can-i-deploy', `/ui/can-i-deploy?pacticipant=${focus}&version=1.0.${EACH - 1}&environment=production`],
  ['webhooks', '/ui/webhooks'],
];

console.log(`\n| page | median ms | slowest ms | median / 100 ms budget | bytes |\n|---|---|---|---|---|`);
let worst = 0;
for (const [label, url] of pages) {
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < RUNS + 2; r += 1) {
    const start = performance.now();
    const response = await app.inject({ url, headers: { accept: 'text/html' } });
    const took = performance.now() - start;
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    bytes = response.body.length;
    // A page that renders nothing is fast for the wrong reason: the diff must show the added interaction.
    if (label === 'pact diff' && !response.body.includes(`request ${8 + (EACH - 1 - ((EACH - 1) % 2)) / 2 - 1}`))
      throw new Error(`${url}: the diff does not show the interaction added between the two versions`);
    if (r >= 2) times.push(took); // the first two warm the caches and the JIT
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const slowest = times[times.length - 1] as number;
  worst = Math.max(worst, median);
  console.log(
    `| ${label} | ${median.toFixed(1)} | ${slowest.toFixed(1)} | ${(median / BUDGET_MS).toFixed(2)} | ${bytes} |`,
  );
}
await app.close();
console.log(
  `\nslowest median: ${worst.toFixed(1)} ms (${worst < BUDGET_MS ? 'within' : 'over'} the ${BUDGET_MS} ms budget)`,
);
if (worst >= BUDGET_MS) process.exitCode = 1;

import { isPostgresUrl, SchemaIntrospector } from '@contract-kit/service-common';
import {
  contentType,
  fuzzParameters,
  headerValue,
  hostileString,
  jsonBody,
  numberLikeString,
  percentEncode,
  prototypeKeys,
  queryString,
} from '@contract-kit/service-common/testing';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrokerErrorCodes } from '../../src/errors.ts';
import { createEnvironment, pact, publish, TEST_DATABASE_URL, testBroker, verifyPact } from '../helpers/broker.ts';
import { routesOf, type ServedRoute } from '../helpers/routes.ts';

// Generated requests to every route fastify serves, seeded and bounded (the same few hundred on every machine, in
// seconds): no answer is a 5xx, every error is in the one error shape with a documented code, no 4xx changes
// the number of rows in any table, and nothing reaches Object.prototype. FUZZ_REPORT=1 prints the requests tried
// per kind of input.

const TOKEN = 'fuzz-write-token';
const codes = new Set<string>(Object.values(BrokerErrorCodes));

let app: FastifyInstance;
let routes: ServedRoute[];
let environmentUuid: string;
let sha: string;

beforeAll(async () => {
  // Webhooks the generated requests create are queued but not run: the runner's own writes come in the
  // background, and would look like a 4xx that wrote.
  app = await testBroker({ auth: { token: TOKEN, readOnlyToken: 'fuzz-read-token' }, webhooks: { run: false } });
  await app.ready();
  routes = routesOf(app);
  const headers = { authorization: `Bearer ${TOKEN}` };
  const injectAs = app.inject.bind(app);
  // Seed through the API, with the write token, so generated requests meet existing data as well as missing.
  app.inject = ((options: InjectOptions | string) => {
    const given = typeof options === 'string' ? { url: options } : options;
    return injectAs({ ...given, headers: { ...headers, ...(given.headers ?? {}) } });
  }) as typeof app.inject;
  await publish(app, { consumer: 'Foo', version: '1', provider: 'Bar', branch: 'main', tags: ['prod'] });
  await verifyPact(app, { consumer: 'Foo', consumerVersion: '1', providerVersion: '2', success: true, branch: 'main' });
  environmentUuid = await createEnvironment(app, 'production', true);
  const fetched = await app.inject('/pacts/provider/Bar/consumer/Foo/version/1');
  sha = fetched.json()._links['pb:pact-version'].name;
  app.inject = injectAs as typeof app.inject;
});

afterAll(() => app.close());

/** Usually a value the broker knows, so requests reach the database; sometimes anything at all. */
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Foo', 'Bar', '1', '2', 'main', 'prod', 'production') },
  { weight: 2, arbitrary: hostileString },
);

function paramValue(param: string): fc.Arbitrary<string> {
  const known: Record<string, fc.Arbitrary<string>> = {
    sha: fc.constantFrom(sha, 'a'.repeat(40), 'nope'),
    uuid: fc.constantFrom(environmentUuid, '00000000-0000-0000-0000-000000000000', 'not-a-uuid'),
    number: fc.oneof(fc.constantFrom('1', 'latest'), numberLikeString),
    metadata: fc.oneof(
      fc.constantFrom('cz1tYWlu', 'dz10cnVl', 'X19wcm90b19fW3hdPTE', '!!!'),
      hostileString.map((s) => Buffer.from(s).toString('base64url')),
    ),
  };
  const value = Object.hasOwn(known, param) ? (known[param] as fc.Arbitrary<string>) : name;
  return fc.oneof(
    { weight: 8, arbitrary: value.map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', 'a%2Fb', '..', '') },
  );
}

/** A route's URL with its parameters filled in. */
function pathFor(route: ServedRoute): fc.Arbitrary<string> {
  const parts = route.url.split('/');
  return fc
    .tuple(...parts.map((part) => (part.startsWith(':') ? paramValue(part.slice(1)) : fc.constant(part))))
    .map((filled) => filled.join('/') || '/');
}

const queryKey = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'q[][pacticipant]',
      'q[][version]',
      'q[][latest]',
      'q[][tag]',
      'q[][branch]',
      'q[][mainBranch]',
      'q[][environment]',
      'latestby',
      'latest',
      'pacticipant',
      'version',
      'environment',
      'to',
      'tag',
      'branch',
      'ignore[]',
      'ignore[][pacticipant]',
      'success[]',
      'limit',
      'name',
      'providerVersionBranch',
      'providerVersionTags[]',
      'includePendingStatus',
      'includeWipPactsSince',
      'consumerVersionSelectors[][mainBranch]',
      'consumerVersionSelectors[][branch]',
      'a[b][c][d]',
    ),
  },
  { weight: 1, arbitrary: hostileString },
);
const queryValue = fc.oneof({ weight: 4, arbitrary: name }, { weight: 1, arbitrary: numberLikeString });
const query = queryString(fc.tuple(queryKey, queryValue));

/** A field that is usually well-formed, so requests get past validation. */
function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: fc.oneof(hostileString, jsonBody) });
}

const pactContent = fc.oneof(
  {
    weight: 4,
    arbitrary: name.map((provider) => Buffer.from(JSON.stringify(pact('Foo', provider))).toString('base64')),
  },
  { weight: 1, arbitrary: jsonBody.map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64')) },
  { weight: 1, arbitrary: fc.constantFrom('', '!!!!', 'e30=', 'eyJfX3Byb3RvX18iOnt9fQ==') },
);

/** Fields the broker's bodies have, any subset of them, usually well-formed. */
const brokerBody = fc.record(
  {
    pacticipantName: mostly(name),
    pacticipantVersionNumber: mostly(name),
    branch: mostly(name),
    tags: mostly(fc.array(name, { maxLength: 3 })),
    contracts: mostly(
      fc.array(
        fc.record({
          consumerName: mostly(fc.constant('Foo')),
          providerName: mostly(name),
          specification: mostly(fc.constant('pact')),
          contentType: mostly(fc.constant('application/json')),
          content: mostly(pactContent),
          onConflict: fc.constantFrom(undefined, 'merge', 'overwrite', 'x'),
        }),
        { maxLength: 2 },
      ),
    ),
    consumerVersionSelectors: mostly(
      fc.array(
        fc.record(
          {
            mainBranch: mostly(fc.boolean()),
            branch: mostly(name),
            tag: mostly(name),
            latest: mostly(fc.boolean()),
            deployed: mostly(fc.boolean()),
            environment: mostly(name),
            consumer: mostly(name),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    providerVersionBranch: mostly(name),
    includePendingStatus: mostly(fc.boolean()),
    includeWipPactsSince: mostly(fc.constantFrom('2020-01-01', 'yesterday')),
    success: mostly(fc.boolean()),
    providerApplicationVersion: mostly(name),
    testResults: jsonBody,
    name: mostly(name),
    displayName: mostly(name),
    production: mostly(fc.boolean()),
    uuid: mostly(fc.uuid()),
    events: mostly(fc.array(fc.record({ name: mostly(fc.constantFrom('contract_published', 'x')) }), { maxLength: 2 })),
    request: mostly(fc.record({ method: mostly(fc.constantFrom('POST', 'GET')), url: mostly(fc.webUrl()) })),
    currentlyDeployed: mostly(fc.boolean()),
    currentlySupported: mostly(fc.boolean()),
    applicationInstance: mostly(name),
    repositoryUrl: mostly(fc.webUrl()),
    mainBranch: mostly(name),
  },
  { requiredKeys: [] },
);

/** What kind of hostile input a request carries, for the report. */
type Kind = 'params' | 'query' | 'json body' | 'raw body' | 'headers' | 'unknown path';

interface Generated {
  kind: Kind;
  options: InjectOptions;
}

const authorization = fc.oneof(
  { weight: 12, arbitrary: fc.constant(`Bearer ${TOKEN}`) },
  { weight: 1, arbitrary: fc.constantFrom('Bearer fuzz-read-token', 'Bearer wrong', 'Basic Zm9vOmJhcg==', 'Bearer') },
  { weight: 1, arbitrary: headerValue },
);
const accept = fc.constantFrom(undefined, 'application/hal+json', 'application/json', '*/*', 'text/html', ';;');

const routed: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.integer({ min: 0, max: 10_000 }),
    fc.boolean(),
    fc.option(query, { nil: '', freq: 2 }),
    fc.oneof(
      { weight: 6, arbitrary: brokerBody.map((body) => ({ raw: false, payload: JSON.stringify(body) })) },
      { weight: 2, arbitrary: jsonBody.map((body) => ({ raw: false, payload: JSON.stringify(body) ?? 'null' })) },
      { weight: 1, arbitrary: hostileString.map((payload) => ({ raw: true, payload })) },
    ),
    fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentType }),
    authorization,
    accept,
  )
  .chain(([pick, writes, search, body, type, auth, acceptHeader]) => {
    // Half the requests go to routes that take a body: they are fewer, and where writes happen.
    const pool = writes ? routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)) : routes;
    const route = pool[pick % pool.length] as ServedRoute;
    return pathFor(route).map((path): Generated => {
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      const headers: Record<string, string> = {};
      if (auth !== undefined) headers.authorization = auth;
      if (acceptHeader !== undefined) headers.accept = acceptHeader;
      if (hasBody && type !== undefined) headers['content-type'] = type;
      const kind: Kind = search !== '' ? 'query' : hasBody ? (body.raw ? 'raw body' : 'json body') : 'params';
      return {
        kind: auth !== `Bearer ${TOKEN}` ? 'headers' : kind,
        options: {
          method: route.method as 'GET',
          url: `${path}${search === '' ? '' : `?${search}`}`,
          headers,
          ...(hasBody ? { payload: body.payload } : {}),
        },
      };
    });
  });

const unknownPath: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.array(hostileString.map(percentEncode), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('GET', 'POST', 'DELETE'),
  )
  .map(([segments, method]) => ({
    kind: 'unknown path' as const,
    options: { method: method as 'GET', url: `/${segments.join('/')}`, headers: { authorization: `Bearer ${TOKEN}` } },
  }));

const request = fc.oneof({ weight: 9, arbitrary: routed }, { weight: 1, arbitrary: unknownPath });

async function rowCounts(): Promise<Record<string, number>> {
  const db = app.broker.repos.db;
  const counts: Record<string, number> = {};
  // On PostgreSQL, Kysely's introspector would list the tables of every test broker's schema.
  const introspector = isPostgresUrl(TEST_DATABASE_URL ?? '')
    ? new SchemaIntrospector(
        db,
        (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? '',
      )
    : db.introspection;
  for (const table of await introspector.getTables()) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** Why an error answer is not in the broker's error shape, or undefined. */
function shapeProblem(status: number, payload: string): string | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(payload);
  } catch {
    return 'the body is not JSON';
  }
  if (body.statusCode !== status) return `statusCode ${String(body.statusCode)} is not ${status}`;
  if (typeof body.code !== 'string' || !codes.has(body.code)) return `code ${String(body.code)} is not documented`;
  if (typeof body.error !== 'string' || typeof body.message !== 'string' || body.message === '') {
    return 'error or message missing';
  }
  return undefined;
}

describe('generated requests to every route', () => {
  it('never answer 5xx, answer every error in the error shape, and write nothing on a 4xx', async () => {
    const prototypeBefore = prototypeKeys();
    const tried: Record<Kind, number> = {
      params: 0,
      query: 0,
      'json body': 0,
      'raw body': 0,
      headers: 0,
      'unknown path': 0,
    };
    const serverErrors: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async ({ kind, options }) => {
        tried[kind] += 1;
        const before = await rowCounts();
        const response = await app.inject(options);
        const where = `${options.method} ${options.url}`;
        if (response.statusCode >= 500) serverErrors.push(`${where}: ${response.statusCode} ${response.body}`);
        expect(response.statusCode, `${where} answered ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400 && options.method !== 'HEAD') {
          expect(shapeProblem(response.statusCode, response.body), `${where}: ${response.body}`).toBeUndefined();
        }
        if (response.statusCode >= 400)
          expect(await rowCounts(), `${where} wrote on a ${response.statusCode}`).toEqual(before);
      }),
      { ...fuzzParameters(500), endOnFailure: true },
    );
    expect(prototypeKeys()).toEqual(prototypeBefore);
    expect(serverErrors).toEqual([]);
    if (process.env.FUZZ_REPORT) console.info('requests tried per kind:', tried, '5xx:', serverErrors.length);
  });
});

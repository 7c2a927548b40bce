import { isDeepStrictEqual } from 'node:util';
import {
  contentType,
  errorShapeProblem,
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserErrorCodes } from '../../src/errors.ts';
import { seedUsers } from '../../src/seed/seed.ts';
import { aliceInput, createTestApp, resetWithTokens, tokens } from '../helpers/test-app.ts';

// Generated requests to every route, seeded and bounded (the same few hundred on every machine, in seconds, on
// SQLite and on PostgreSQL): no answer is a 5xx, every error is in the documented shape with a documented code,
// no 4xx writes anything, and nothing reaches Object.prototype.

let app: FastifyInstance;

let baseline: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  app = await createTestApp();
  await resetState();
  baseline = await snapshot();
});

afterAll(async () => {
  await app.close();
});

const codes = new Set<string>(Object.values(UserErrorCodes));

const authorization = fc.oneof(
  { weight: 20, arbitrary: fc.constant(`Bearer ${tokens.readWrite}`) },
  { weight: 2, arbitrary: fc.constantFrom(tokens.read, tokens.write).map((t) => `Bearer ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('Bearer unknown-token', 'Bearer', 'Basic dXNlcjpwdw==', 'bearer  x y') },
  { weight: 1, arbitrary: headerValue },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const id = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }).map(String) },
  { weight: 3, arbitrary: numberLikeString.map(percentEncode) },
  { weight: 1, arbitrary: hostileString.map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '1%2F2', '1;2', '1?', '') },
);

const email = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 99 }).map((n) => `new${n}@example.com`) },
  { weight: 1, arbitrary: fc.constantFrom(aliceInput.email, 'ALICE@Example.com', 'user2@example.com') },
  { weight: 1, arbitrary: fc.constantFrom('a@b', '@', 'x', 'é@example.com', 'a@例え.jp') },
  { weight: 1, arbitrary: hostileString.map((local) => `${local}@example.com`) },
);

/** Usually a sensible text, sometimes anything at all. */
const text = (sensible: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(sensible, 'Zoë Ünïcode', '漢字', '🦄 x', ' padded ') },
    { weight: 1, arbitrary: hostileString },
  );

/** A field that is usually right, so requests get past validation and reach the database. */
function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.oneof(hostileString, jsonBody) });
}

const address = fc.record(
  {
    street: mostly(text('1 Main Street')),
    city: mostly(text('Paris')),
    postalCode: mostly(text('75002')),
    country: mostly(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('FR', 'GB', 'JP') },
        { weight: 1, arbitrary: fc.constantFrom('fr', 'FRA', '') },
      ),
    ),
  },
  { requiredKeys: ['street', 'city', 'postalCode', 'country'] },
);

const userFields = {
  name: mostly(text('Eve Example')),
  email: mostly(email),
  status: mostly(fc.constantFrom('active', 'suspended')),
  address: mostly(address),
};

const extraField = fc.dictionary(fc.constantFrom('id', 'createdAt', '__proto__', 'constructor', 'admin'), jsonBody, {
  maxKeys: 2,
});

const userBody = fc.oneof(
  { weight: 6, arbitrary: fc.record(userFields, { requiredKeys: ['name', 'email', 'address'] }) },
  { weight: 3, arbitrary: fc.record(userFields, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.tuple(fc.record(userFields), extraField).map(([body, extra]) => ({ ...body, ...extra })) },
  { weight: 1, arbitrary: jsonBody },
);

/** A body as a client would send it: mostly JSON, sometimes raw text that may not parse. */
const payload = fc.oneof(
  {
    weight: 5,
    arbitrary: userBody.map((body) => ({ text: JSON.stringify(body) ?? 'null', type: 'application/json' })),
  },
  { weight: 1, arbitrary: fc.record({ text: fc.oneof(hostileString, fc.constant('{"name":')), type: contentType }) },
  { weight: 1, arbitrary: fc.record({ text: userBody.map((body) => JSON.stringify(body) ?? ''), type: contentType }) },
);

const queryEntry = fc.tuple(
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('ids', 'email', 'status', 'limit', 'offset') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'ids[]', 'limit[0]', 'x') },
    { weight: 1, arbitrary: hostileString },
  ),
  fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 120 }).map(String) },
    { weight: 1, arbitrary: numberLikeString },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.integer({ min: 1, max: 5 }).map(String), numberLikeString), { minLength: 1, maxLength: 4 })
        .map((ids) => ids.join(',')),
    },
    { weight: 2, arbitrary: fc.constantFrom('active', 'suspended', aliceInput.email, 'ALICE@EXAMPLE.COM') },
    { weight: 1, arbitrary: hostileString },
  ),
);

const extraHeaders = fc.dictionary(
  fc.constantFrom('accept', 'accept-encoding', 'x-request-id', 'cookie', 'origin', 'x-forwarded-for', 'if-none-match'),
  headerValue,
  { maxKeys: 3 },
);

interface GeneratedRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT' | 'HEAD' | 'OPTIONS';
  url: string;
  body?: { text: string; type: string | undefined };
}

const request: fc.Arbitrary<GeneratedRequest> = fc.oneof(
  id.map((i) => ({ method: 'GET' as const, url: `/users/${i}` })),
  queryString(queryEntry).map((q) => ({ method: 'GET' as const, url: `/users?${q}` })),
  payload.map((body) => ({ method: 'POST' as const, url: '/users', body })),
  fc.tuple(id, payload).map(([i, body]) => ({ method: 'PATCH' as const, url: `/users/${i}`, body })),
  id.map((i) => ({ method: 'DELETE' as const, url: `/users/${i}` })),
  fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH') as fc.Arbitrary<
        GeneratedRequest['method']
      >,
      fc.oneof(
        fc.constantFrom('/health', '/users', '/users/1', '/', '/users/1/x'),
        fc.webPath().map((path) => (path.startsWith('/') ? path : `/${path}`)),
      ),
      fc.option(payload, { nil: undefined }),
    )
    .map(([method, url, body]) => ({ method, url, ...(body ? { body } : {}) })),
);

async function snapshot() {
  const users = await app.db.selectFrom('users').selectAll().orderBy('id').execute();
  const tokenRows = await app.db.selectFrom('api_tokens').select(['id', 'name', 'token_hash', 'scopes']).execute();
  return { users, tokenRows };
}

/** Three users (one suspended) and the three tokens, the same on every reset: ids restart at 1, dates are fixed. */
async function resetState(): Promise<void> {
  await resetWithTokens(app);
  const createdAt = '2026-01-02T03:04:05.000Z';
  await seedUsers(app.db, [{ ...aliceInput, createdAt }, { createdAt }, { status: 'suspended', createdAt }]);
}

function injectOptions(
  generated: GeneratedRequest,
  auth: string | undefined,
  headers: Record<string, string>,
): InjectOptions {
  const all: Record<string, string> = { ...headers };
  if (auth !== undefined) all.authorization = auth;
  if (generated.body?.type !== undefined) all['content-type'] = generated.body.type;
  return {
    method: generated.method,
    url: generated.url,
    headers: all,
    ...(generated.body ? { payload: generated.body.text } : {}),
  };
}

describe('UserService under generated requests', () => {
  it('never answers 5xx, answers every error in the documented shape, and writes nothing on a 4xx', async () => {
    const prototypeBefore = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(request, authorization, extraHeaders, async (generated, auth, headers) => {
        // Every run starts from the same state; resetting only after a run that wrote keeps PostgreSQL runs fast.
        let before = await snapshot();
        if (!isDeepStrictEqual(before, baseline)) {
          await resetState();
          before = await snapshot();
          expect(before).toEqual(baseline);
        }

        const response = await app.inject(injectOptions(generated, auth, headers));

        expect(response.statusCode, response.payload).toBeLessThan(500);
        if (response.statusCode >= 400) {
          if (generated.method !== 'HEAD') {
            expect(errorShapeProblem(response.statusCode, response.headers, response.payload, codes)).toBeUndefined();
          }
          expect(await snapshot()).toEqual(before);
        }
        expect(prototypeKeys()).toEqual(prototypeBefore);
      }),
      fuzzParameters(300),
    );
  });
});

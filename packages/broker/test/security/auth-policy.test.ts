import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authPlugin } from '../../src/auth/plugin.ts';
import { type Access, POLICY_METHODS, ROUTE_POLICY, requiredAccess } from '../../src/auth/policy.ts';
import { testBroker } from '../helpers/broker.ts';
import { routesOf } from '../helpers/routes.ts';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const AUTH = {
  readWrite: { username: 'writer', password: 'w-secret' },
  readOnly: { username: 'reader', password: 'r-secret' },
  token: 'write-token',
  readOnlyToken: 'read-token',
};

type Principal = { name: string; authorization?: string; role: 'nobody' | 'readOnly' | 'readWrite' };
const PRINCIPALS: Principal[] = [
  { name: 'anonymous', role: 'nobody' },
  { name: 'wrong password', authorization: basic('writer', 'not-the-password'), role: 'nobody' },
  { name: 'read-only basic', authorization: basic('reader', 'r-secret'), role: 'readOnly' },
  { name: 'read-only token', authorization: 'Bearer read-token', role: 'readOnly' },
  { name: 'read-write basic', authorization: basic('writer', 'w-secret'), role: 'readWrite' },
  { name: 'read-write token', authorization: 'Bearer write-token', role: 'readWrite' },
];

function expected(access: Access, principal: Principal): 'through' | 401 | 403 {
  if (access === 'anonymous') return 'through';
  if (principal.role === 'nobody') return 401;
  if (access === 'write' && principal.role === 'readOnly') return 403;
  return 'through';
}

describe('the auth policy, on every route fastify serves', () => {
  let app: FastifyInstance;
  let routes: { method: string; url: string }[];
  beforeAll(async () => {
    app = await testBroker({ auth: AUTH });
    await app.ready();
    routes = routesOf(app);
  });
  afterAll(() => app.close());

  it('reads the whole route list', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes).toContainEqual({ method: 'POST', url: '/contracts/publish' });
    expect(routes).toContainEqual({ method: 'HEAD', url: '/pacts/provider/:provider/for-verification' });
    expect(routes).toContainEqual({
      method: 'GET',
      url: '/pacts/provider/:provider/consumer/:consumer/pact-version/:sha/verification-results/:number',
    });
  });

  it('has a policy for every route and method, and no entry for a route that does not exist', () => {
    expect(routes.filter((r) => requiredAccess(r.method, r.url) === undefined)).toEqual([]);
    const served = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const stale = [...ROUTE_POLICY].flatMap(([url, methods]) =>
      Object.keys(methods)
        .map((method) => `${method} ${url}`)
        .filter((key) => !served.has(key)),
    );
    expect(stale).toEqual([]);
  });

  it('lets each principal through, or answers 401/403, exactly as the policy says', async () => {
    const mismatches: string[] = [];
    let tried = 0;
    for (const { method, url } of routes) {
      const access = requiredAccess(method, url) as Access;
      const path = url.replace(/:[a-zA-Z]+/g, 'x');
      for (const principal of PRINCIPALS) {
        const response = await app.inject({
          method: method as 'GET',
          url: path,
          headers: principal.authorization ? { authorization: principal.authorization } : {},
          ...(['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {}),
        });
        tried += 1;
        const want = expected(access, principal);
        const got = response.statusCode;
        const ok = want === 'through' ? got !== 401 && got !== 403 && got < 500 : got === want;
        if (!ok) mismatches.push(`${principal.name} ${method} ${url} (${access}): got ${got}, want ${want}`);
        if (got === 401) {
          expect(response.headers['www-authenticate']).toEqual([
            'Basic realm="Pact Broker"',
            'Bearer realm="Pact Broker"',
          ]);
        }
        if (got >= 400 && method !== 'HEAD') {
          expect(response.json()).toMatchObject({
            statusCode: got,
            code: expect.any(String),
            message: expect.any(String),
          });
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(tried).toBe(routes.length * PRINCIPALS.length);
  });

  it('asks for credentials before saying whether an unknown URL exists', async () => {
    expect((await app.inject('/no/such/thing')).statusCode).toBe(401);
    const known = await app.inject({ url: '/no/such/thing', headers: { authorization: 'Bearer read-token' } });
    expect(known.json()).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });
});

describe('a route without a policy', () => {
  it('stops the app from starting, naming the route and where to add it', async () => {
    const app = Fastify();
    await app.register(authPlugin, { auth: undefined });
    expect(() => app.get('/brand-new', async () => ({}))).toThrow(/GET \/brand-new has no entry in the auth policy/);
    await app.close();
  });
});

function policyTable(): string[] {
  const rows = [`| Route | ${POLICY_METHODS.join(' | ')} |`, `|---|${POLICY_METHODS.map(() => '---|').join('')}`];
  for (const [url, methods] of ROUTE_POLICY) {
    rows.push(`| \`${url}\` | ${POLICY_METHODS.map((m) => methods[m] ?? '').join(' | ')} |`.replace(/ {2}/g, ' '));
  }
  return rows;
}

describe('the README', () => {
  it('shows the same policy table as the code', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const auth = readme.slice(readme.indexOf('## Auth'), readme.indexOf('\n## ', readme.indexOf('## Auth') + 1));
    const documented = auth
      .split('\n')
      .filter((line) => line.startsWith('| Route |') || line.startsWith('|---|') || line.startsWith('| `/'));
    expect(documented.join('\n'), `README.md's Auth section should have this table:\n${policyTable().join('\n')}`).toBe(
      policyTable().join('\n'),
    );
  });
});

import { MissingRoutePolicyError } from '../errors.ts';

/**
 * Who may call what, decided on the route fastify matched (its pattern and method), never on the raw URL.
 * `anonymous`: anyone, even with auth on. `read`: any valid credentials. `write`: read-write credentials only.
 * HEAD follows GET. A route missing here stops the broker from starting (see `checkRoutePolicy`), and the same
 * table is in README.md (Auth), which a test keeps equal to this one.
 */
export type Access = 'anonymous' | 'read' | 'write';
export const POLICY_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type PolicyMethod = (typeof POLICY_METHODS)[number];
export type RoutePolicy = Readonly<Partial<Record<PolicyMethod, Access>>>;

const pacts = '/pacts/provider/:provider';
const between = `${pacts}/consumer/:consumer`;
const pacticipant = '/pacticipants/:pacticipant';
const version = `${pacticipant}/versions/:version`;

const read = { GET: 'read' } as const;

/** Route pattern → method → access. Asking which pacts to verify is a query, even as a POST. */
const table: [string, RoutePolicy][] = [
  ['/', read],
  ['/diagnostic/status/heartbeat', { GET: 'anonymous' }],
  ['/contracts/publish', { POST: 'write' }],
  ['/matrix', read],
  ['/can-i-deploy', read],
  ['/pacts/latest', read],
  [pacts, read],
  [`${pacts}/latest`, read],
  [`${pacts}/latest/:tag`, read],
  [`${pacts}/tag/:tag`, read],
  [`${pacts}/branch`, read],
  [`${pacts}/branch/latest`, read],
  [`${pacts}/branch/:branch`, read],
  [`${pacts}/branch/:branch/latest`, read],
  [`${pacts}/for-verification`, { GET: 'read', POST: 'read' }],
  [`${between}/version/:version`, { GET: 'read', PUT: 'write', PATCH: 'write', DELETE: 'write' }],
  [`${between}/versions/:version`, { GET: 'read', PUT: 'write', PATCH: 'write' }],
  [`${between}/latest-untagged`, read],
  [`${between}/version/:version/previous-distinct`, read],
  [`${between}/version/:version/diff/previous-distinct`, read],
  [`${between}/version/:version/diff/version/:other`, read],
  [`${between}/pact-version/:sha/diff/pact-version/:other`, read],
  [`${between}/versions`, { GET: 'read', DELETE: 'write' }],
  [`${between}/latest`, read],
  [`${between}/latest/:tag`, read],
  [`${between}/tag/:tag`, { GET: 'read', DELETE: 'write' }],
  [`${between}/branch/versions`, read],
  [`${between}/branch/latest/versions`, read],
  [`${between}/branch/:branch`, { GET: 'read', DELETE: 'write' }],
  [`${between}/branch/:branch/latest`, read],
  [`${between}/branch/:branch/latest/versions`, read],
  [`${between}/verification-results`, { POST: 'write' }],
  [`${between}/pact-version/:sha`, read],
  [`${between}/pact-version/:sha/metadata/:metadata`, read],
  [`${between}/pact-version/:sha/verification-results`, { POST: 'write' }],
  [`${between}/pact-version/:sha/metadata/:metadata/verification-results`, { POST: 'write' }],
  [`${between}/pact-version/:sha/verification-results/:number`, { GET: 'read', DELETE: 'write' }],
  [`${between}/version/:version/verification-results/latest`, read],
  [`${between}/latest/verification-results/latest`, read],
  [`${between}/latest/:tag/verification-results/latest`, read],
  ['/verification-results/consumer/:consumer/version/:version/latest', read],
  ['/pacticipants', { GET: 'read', POST: 'write' }],
  [pacticipant, { GET: 'read', PUT: 'write', PATCH: 'write', DELETE: 'write' }],
  [`${pacticipant}/versions`, read],
  [version, { GET: 'read', PUT: 'write', PATCH: 'write', DELETE: 'write' }],
  [`${version}/tags/:tag`, { GET: 'read', PUT: 'write', DELETE: 'write' }],
  [`${version}/deployed-versions/environment/:uuid`, { GET: 'read', POST: 'write' }],
  [`${version}/released-versions/environment/:uuid`, { GET: 'read', POST: 'write' }],
  [`${pacticipant}/latest-version`, read],
  [`${pacticipant}/latest-version/:tag`, read],
  [`${pacticipant}/branches`, { GET: 'read', DELETE: 'write' }],
  [`${pacticipant}/branches/:branch`, { GET: 'read', DELETE: 'write' }],
  [`${pacticipant}/branches/:branch/latest-version`, read],
  [`${pacticipant}/tags/:tag/versions`, read],
  [`${pacticipant}/environments/:uuid/versions`, read],
  [`${pacticipant}/branches/:branch/versions`, read],
  [`${pacticipant}/branches/:branch/versions/:version`, { GET: 'read', PUT: 'write', DELETE: 'write' }],
  ['/environments', { GET: 'read', POST: 'write' }],
  ['/environments/:uuid', { GET: 'read', PUT: 'write', DELETE: 'write' }],
  ['/environments/:uuid/deployed-versions/currently-deployed', read],
  ['/environments/:uuid/released-versions/currently-supported', read],
  ['/deployed-versions/:uuid', { GET: 'read', PATCH: 'write' }],
  ['/released-versions/:uuid', { GET: 'read', PATCH: 'write' }],
  ['/webhooks', { GET: 'read', POST: 'write' }],
  ['/webhooks/:uuid', { GET: 'read', PUT: 'write', DELETE: 'write' }],
  ['/webhooks/provider/:provider/consumer/:consumer', { POST: 'write' }],
  ['/webhooks/execute', { POST: 'write' }],
  ['/webhooks/:uuid/execute', { POST: 'write' }],
  [`${between}/version/:version/triggered-webhooks`, read],
  [`${between}/pact-version/:sha/verification-results/:number/triggered-webhooks`, read],
  ['/triggered-webhooks/:uuid/logs', read],
  // The pages (src/ui): what the resources above show a person, so the same reading access.
  ['/ui', read],
  ['/ui/assets/:file', read],
  ['/ui/network', read],
  ['/ui/pacticipants/:pacticipant', read],
  ['/ui/pacts/provider/:provider/consumer/:consumer/version/:version', read],
  ['/ui/matrix', read],
  ['/ui/can-i-deploy', read],
  ['/ui/webhooks', read],
];

export const ROUTE_POLICY: ReadonlyMap<string, RoutePolicy> = new Map(
  table.map(([route, methods]) => [route, Object.freeze({ ...methods })]),
);

/**
 * The access a matched route needs, or undefined when the table has no entry for it. `route` is fastify's
 * pattern (`request.routeOptions.url`); a request no route matched needs `read`, so that only callers with
 * valid credentials learn which resources exist (they then get the 404 or 405).
 */
export function requiredAccess(method: string, route: string | undefined): Access | undefined {
  if (route === undefined) return 'read';
  const methods = ROUTE_POLICY.get(route);
  if (methods === undefined) return undefined;
  const key = (method === 'HEAD' ? 'GET' : method) as PolicyMethod;
  return Object.hasOwn(methods, key) ? methods[key] : undefined;
}

/** For fastify's onRoute hook: a route the table does not cover is a startup error, never silently open. */
export function checkRoutePolicy(methods: string | string[], route: string): void {
  for (const method of Array.isArray(methods) ? methods : [methods]) {
    if (requiredAccess(method, route) === undefined) throw new MissingRoutePolicyError(method, route);
  }
}

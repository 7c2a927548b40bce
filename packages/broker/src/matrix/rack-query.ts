import { ForbiddenKeyError, QueryTooComplexError } from '../errors.ts';

/**
 * Rack's `parse_nested_query`, which the Pact Broker uses for every query string. The Pact clients rely on
 * its grouping rule for `q[][pacticipant]=A&q[][version]=1&q[][pacticipant]=B`: a new hash starts in an
 * array when the last one already has the key being set, so parameter order decides the groups.
 *
 * Every hash is a null-prototype object, so no parameter can reach or shadow `Object.prototype`; keys that
 * name prototype machinery are refused outright, and so are queries beyond the limits below (Rack bounds
 * nesting too).
 */
export type RackValue = string | RackValue[] | RackHash;
export interface RackHash {
  [key: string]: RackValue;
}

export const QUERY_LIMITS = Object.freeze({
  /** Parameters (`name=value` pairs) in one query string. */
  parameters: 1000,
  /** Bracket levels in one parameter name, `a[b][c]` being 2 (Rack's default is 32 too). */
  depth: 32,
});

/** Keys that mean something to JavaScript objects rather than to the broker. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const emptyHash = (): RackHash => Object.create(null) as RackHash;

function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function isHash(value: RackValue | undefined): value is RackHash {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys a parameter name sets, outermost first: `a[b][]` is `a`, `b`, `` (brackets Rack ignores dropped). */
function keysOf(name: string): string[] {
  return name.split(/[[\]]+/).filter((part) => part !== '');
}

function checkName(name: string): void {
  const keys = keysOf(name);
  const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
  if (forbidden !== undefined) {
    throw new ForbiddenKeyError(`The query parameter '${name}' uses the key '${forbidden}', which the broker refuses`);
  }
  const depth = (name.match(/\[/g) ?? []).length;
  if (depth > QUERY_LIMITS.depth) {
    throw new QueryTooComplexError(
      `The query parameter '${name.slice(0, 80)}…' nests ${depth} brackets deep; the limit is ${QUERY_LIMITS.depth}`,
    );
  }
}

/** Whether `hash` already holds the (possibly nested, `a][b`) key. */
function hashHasKey(hash: RackHash, key: string): boolean {
  if (key.includes('[]')) return false;
  let current: RackValue = hash;
  for (const part of keysOf(key)) {
    if (!isHash(current) || !Object.hasOwn(current, part)) return false;
    current = current[part] as RackValue;
  }
  return true;
}

function normalize(params: RackHash, name: string, value: string): RackHash {
  const match = /^[[\]]*([^[\]]+)\]*/.exec(name);
  const key = match?.[1] ?? '';
  if (key === '') return params;
  const after = name.slice(match?.[0].length ?? 0);
  const own = Object.hasOwn(params, key) ? params[key] : undefined;

  if (after === '') {
    params[key] = value;
  } else if (after === '[') {
    params[name] = value;
  } else if (after === '[]') {
    const list = Array.isArray(own) ? own : [];
    list.push(value);
    params[key] = list;
  } else if (after.startsWith('[]')) {
    const childMatch = /^\[\]\[([^[\]]+)\]$/.exec(after) ?? /^\[\](.+)$/.exec(after);
    const childKey = childMatch?.[1] ?? '';
    const list = Array.isArray(own) ? own : [];
    const last = list[list.length - 1];
    if (isHash(last) && !hashHasKey(last, childKey)) {
      normalize(last, childKey, value);
    } else {
      list.push(normalize(emptyHash(), childKey, value));
    }
    params[key] = list;
  } else {
    params[key] = normalize(isHash(own) ? own : emptyHash(), after, value);
  }
  return params;
}

/** Parses a query string; throws a ForbiddenKeyError or a QueryTooComplexError for a forbidden key or a query beyond QUERY_LIMITS. */
export function parseRackQuery(queryString: string): RackHash {
  const params = emptyHash();
  let count = 0;
  for (const pair of queryString.split(/[&;]/)) {
    if (pair === '') continue;
    count += 1;
    if (count > QUERY_LIMITS.parameters) {
      throw new QueryTooComplexError(
        `The query string has more than ${QUERY_LIMITS.parameters} parameters, the broker's limit`,
      );
    }
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    checkName(name);
    normalize(params, name, value);
  }
  return params;
}

const refusals = new WeakMap<RackHash, unknown>();

/**
 * For fastify's router, where a throw would take the process down: a refused query becomes an empty hash that
 * remembers why, and `queryRefusal` gives the error back to a hook that answers before any route or auth check
 * sees the query.
 */
export function parseRequestQuery(queryString: string): RackHash {
  try {
    return parseRackQuery(queryString);
  } catch (err) {
    const refused = emptyHash();
    refusals.set(refused, err);
    return refused;
  }
}

export function queryRefusal(query: unknown): unknown {
  return typeof query === 'object' && query !== null ? refusals.get(query as RackHash) : undefined;
}

/** Brackets stay readable: Rack decodes either form. */
const encodeKey = (name: string) => encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']');

/** The inverse for flat hashes and arrays of flat hashes, enough for URL metadata and links. */
export function buildRackQuery(params: Record<string, unknown>, prefix = ''): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const name = prefix === '' ? key : `${prefix}[${key}]`;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'object' && item !== null) {
          parts.push(buildRackQuery(item as Record<string, unknown>, `${name}[]`));
        } else {
          parts.push(`${encodeKey(`${name}[]`)}=${encodeURIComponent(String(item))}`);
        }
      }
    } else if (typeof value === 'object') {
      parts.push(buildRackQuery(value as Record<string, unknown>, name));
    } else {
      parts.push(`${encodeKey(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.filter((p) => p !== '').join('&');
}

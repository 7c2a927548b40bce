/**
 * Rack's `parse_nested_query`, which the Pact Broker uses for every query string. The Pact clients rely on
 * its grouping rule for `q[][pacticipant]=A&q[][version]=1&q[][pacticipant]=B`: a new hash starts in an
 * array when the last one already has the key being set, so parameter order decides the groups.
 */
export type RackValue = string | RackValue[] | RackHash;
export interface RackHash {
  [key: string]: RackValue;
}

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

/** Whether `hash` already holds the (possibly nested, `a][b`) key. */
function hashHasKey(hash: RackHash, key: string): boolean {
  if (key.includes('[]')) return false;
  let current: RackValue = hash;
  for (const part of key.split(/[[\]]+/).filter((p) => p !== '')) {
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

  if (after === '') {
    params[key] = value;
  } else if (after === '[') {
    params[name] = value;
  } else if (after === '[]') {
    const list = Array.isArray(params[key]) ? (params[key] as RackValue[]) : [];
    list.push(value);
    params[key] = list;
  } else if (after.startsWith('[]')) {
    const childMatch = /^\[\]\[([^[\]]+)\]$/.exec(after) ?? /^\[\](.+)$/.exec(after);
    const childKey = childMatch?.[1] ?? '';
    const list = Array.isArray(params[key]) ? (params[key] as RackValue[]) : [];
    const last = list[list.length - 1];
    if (isHash(last) && !hashHasKey(last, childKey)) {
      normalize(last, childKey, value);
    } else {
      list.push(normalize({}, childKey, value));
    }
    params[key] = list;
  } else {
    const child = isHash(params[key]) ? (params[key] as RackHash) : {};
    params[key] = normalize(child, after, value);
  }
  return params;
}

export function parseRackQuery(queryString: string): RackHash {
  const params: RackHash = {};
  for (const pair of queryString.split(/[&;]/)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    normalize(params, name, value);
  }
  return params;
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

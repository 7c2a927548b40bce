import { isUtf8 } from 'node:buffer';
import { CommonErrorCodes, ServiceError } from '@contract-kit/service-common';
import { ForbiddenKeyError, JsonTooDeepError } from '../errors.ts';

export const JSON_LIMITS = Object.freeze({
  /** Levels of `{`/`[` nesting; the Pact Broker refuses deeper documents too. */
  depth: 50,
});

export class MalformedJsonError extends ServiceError {
  constructor(what: string, detail: string) {
    super(400, CommonErrorCodes.malformedBody, `${what} is not valid JSON: ${detail}`);
  }
}

const STRUCTURE = /["{}[\]]/g;
const PROTO = '__proto__';

/** Whether the JSON string at text[start..end] (quotes included) is `__proto__`, escapes decoded, used as a key. */
function isProtoKey(text: string, start: number, end: number): boolean {
  const length = end - start + 1;
  // `"__proto__"` is 11 characters; each of its 9 letters may be written as a 6-character \u escape.
  if (length < PROTO.length + 2 || length > PROTO.length * 6 + 2) return false;
  const first = text.charCodeAt(start + 1);
  if (first !== 95 && first !== 92) return false; // `_` or `\`: anything else cannot spell __proto__
  if (length === PROTO.length + 2) {
    if (!text.startsWith(PROTO, start + 1)) return false;
  } else {
    try {
      if (JSON.parse(text.slice(start, end + 1)) !== PROTO) return false;
    } catch {
      return false; // a broken escape: JSON.parse reports it
    }
  }
  return /^\s*:/.test(text.slice(end + 1, end + 64));
}

/**
 * One pass over JSON text before it is parsed: nesting past JSON_LIMITS.depth, or an object key `__proto__`
 * (the one name JavaScript gives a meaning of its own, a setter, wherever code assigns it), is refused. Strings
 * are skipped whole with indexOf, so a pact full of long bodies costs little.
 */
function checkJsonText(text: string, what: string): void {
  let depth = 0;
  STRUCTURE.lastIndex = 0;
  for (let match = STRUCTURE.exec(text); match !== null; match = STRUCTURE.exec(text)) {
    const start = match.index;
    const char = text.charCodeAt(start);
    if (char === 34) {
      let end = start;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end === -1) return; // unterminated: JSON.parse reports it
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes += 1;
        if (backslashes % 2 === 0) break;
      }
      if (isProtoKey(text, start, end)) {
        throw new ForbiddenKeyError(`${what} has a key named '__proto__', which the broker refuses`);
      }
      STRUCTURE.lastIndex = end + 1;
    } else if (char === 123 || char === 91) {
      depth += 1;
      if (depth > JSON_LIMITS.depth) throw new JsonTooDeepError(what, JSON_LIMITS.depth);
    } else {
      depth -= 1;
    }
  }
}

/** Every object comes out prototype-free: no key in the document can reach or shadow `Object.prototype`. */
function withoutPrototypes(key: string, value: unknown): unknown {
  if (key === PROTO) throw new ForbiddenKeyError(`A JSON key named '__proto__' is refused`);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.setPrototypeOf(value, null);
  return value;
}

function parse(text: string, what: string, reviver?: (key: string, value: unknown) => unknown): unknown {
  checkJsonText(text, what);
  try {
    return JSON.parse(text, reviver);
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new MalformedJsonError(what, (err as Error).message);
  }
}

/**
 * Parses JSON from a request: prototype-free objects, no `__proto__` keys, at most JSON_LIMITS.depth levels.
 * `what` names the document in error messages ("The request body", "contracts[0].content").
 */
export function parseJsonText(text: string, what = 'The request body'): unknown {
  return parse(text, what, withoutPrototypes);
}

/**
 * Pact content (a published pact, a legacy PUT body): the same refusals, but a plain `JSON.parse`, the fastest
 * there is (stripping prototypes doubles the cost of a large pact). These objects are read only through
 * own-key accessors (pacts/content.ts) and end up as stored text, so an inherited property is never consulted.
 */
export function parsePactText(text: string, what: string): unknown {
  return parse(text, what);
}

/** Bytes from the wire: UTF-8 is required (a replacement character would silently change a pact). */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  if (!isUtf8(bytes)) throw new MalformedJsonError(what, 'it is not UTF-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export function parseJsonBytes(bytes: Uint8Array, what = 'The request body'): unknown {
  return parseJsonText(decodeUtf8(bytes, what), what);
}

/** Empty or only JSON whitespace; stops at the first other byte, so a large body costs nothing here. */
export function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  return true;
}

/**
 * A body handed over unparsed, for the routes that receive whole pacts (see RAW_BODY_ROUTES): parsing 45 MB of
 * JSON takes seconds, which must not happen on the thread that answers everyone else.
 */
export class RawJsonBody {
  constructor(readonly bytes: Uint8Array) {}
}

/** Method and route pattern of the routes whose body is a RawJsonBody. */
export const RAW_BODY_ROUTES: ReadonlySet<string> = new Set([
  'POST /contracts/publish',
  'PUT /pacts/provider/:provider/consumer/:consumer/version/:version',
  'PATCH /pacts/provider/:provider/consumer/:consumer/version/:version',
  'PUT /pacts/provider/:provider/consumer/:consumer/versions/:version',
  'PATCH /pacts/provider/:provider/consumer/:consumer/versions/:version',
]);

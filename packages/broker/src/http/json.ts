import { isUtf8 } from 'node:buffer';
import { CommonErrorCodes, ServiceError } from '@contract-kit/service-common';
import { ForbiddenKeyError, JsonTooDeepError } from '../errors.ts';

export const JSON_LIMITS = Object.freeze({
  /** Levels of `{`/`[` nesting; the Pact Broker refuses deeper documents too. */
  depth: 50,
});

const STRUCTURE = /["{}[\]]/g;

/** The deepest `{`/`[` nesting in JSON text, stopping as soon as it passes `limit` (strings are skipped whole). */
function nestingBeyond(text: string, limit: number): boolean {
  let depth = 0;
  STRUCTURE.lastIndex = 0;
  for (let match = STRUCTURE.exec(text); match !== null; match = STRUCTURE.exec(text)) {
    const char = text.charCodeAt(match.index);
    if (char === 34) {
      // Skip to the closing quote: one not preceded by an odd number of backslashes.
      let end = match.index;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end === -1) return false; // unterminated: JSON.parse reports it
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes += 1;
        if (backslashes % 2 === 0) break;
      }
      STRUCTURE.lastIndex = end + 1;
    } else if (char === 123 || char === 91) {
      depth += 1;
      if (depth > limit) return true;
    } else {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Every object comes out prototype-free, so no key in the document can reach or shadow `Object.prototype`,
 * however the object is later read, spread or merged. `__proto__` itself is refused: JavaScript gives that one
 * name a meaning of its own (a setter) wherever code assigns it.
 */
const PROTO_KEY = Symbol('__proto__ key');

function reviver(key: string, value: unknown): unknown {
  if (key === '__proto__') throw PROTO_KEY;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.setPrototypeOf(value, null);
  return value;
}

export class MalformedJsonError extends ServiceError {
  constructor(what: string, detail: string) {
    super(400, CommonErrorCodes.malformedBody, `${what} is not valid JSON: ${detail}`);
  }
}

/**
 * Parses JSON from a request (a body, a published pact): prototype-free objects, no `__proto__` keys, at most
 * JSON_LIMITS.depth levels. `what` names the document in error messages ("The request body", "contracts[0].content").
 */
export function parseJsonText(text: string, what = 'The request body'): unknown {
  if (nestingBeyond(text, JSON_LIMITS.depth)) throw new JsonTooDeepError(what, JSON_LIMITS.depth);
  try {
    return JSON.parse(text, reviver);
  } catch (err) {
    if (err === PROTO_KEY) {
      throw new ForbiddenKeyError(`${what} has a key named '__proto__', which the broker refuses`);
    }
    throw new MalformedJsonError(what, (err as Error).message);
  }
}

/** Bytes from the wire: UTF-8 is required (a replacement character would silently change a pact). */
export function parseJsonBytes(bytes: Uint8Array, what = 'The request body'): unknown {
  if (!isUtf8(bytes)) throw new MalformedJsonError(what, 'it is not UTF-8');
  return parseJsonText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), what);
}

/** Empty or only JSON whitespace; stops at the first other byte, so a large body costs nothing here. */
export function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  return true;
}

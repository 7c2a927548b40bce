import { STATUS_CODES } from 'node:http';
import fc from 'fast-check';

/** Strings that have broken services before, mixed with arbitrary Unicode (lone surrogates included). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff\ud800',
    'é',
    'версия-1',
    '漢字',
    '🦄',
    '\u202e',
    '%',
    '%00',
    '%zz',
    '../..',
    '__proto__',
    'constructor',
    'prototype',
    '"\'<>&',
    '\\',
    'null',
    'NaN',
    "'; drop table users; --",
    'x'.repeat(201),
    'y'.repeat(5_000),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** What a client may write where a number is expected: the edges of every numeric type, and near-numbers. */
export const numberLikeString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Infinity',
    '-Infinity',
    'NaN',
    '1e400',
    '-1e400',
    '1e21',
    '9007199254740991',
    '9007199254740992',
    '9007199254740993',
    '2147483647',
    '2147483648',
    '-2147483649',
    '-0',
    '0',
    '1',
    '1.0',
    '1.5',
    '0x10',
    '0b1',
    '1e3',
    ' 1',
    '1 ',
    '+1',
    '01',
    '١',
    '',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);

/** Any JSON value a client could send, bounded so a run stays fast. */
export const jsonBody: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/** Content types a client may send with a body, right, wrong and malformed. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/problem+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  ';;;',
  undefined,
);

const headerValueChars = fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~\t'.split(''));

/** A header value Node's HTTP parser would let through (visible ASCII, space and tab). */
export const headerValue: fc.Arbitrary<string> = fc.string({ unit: headerValueChars, maxLength: 40 });

const unreserved = /^[A-Za-z0-9\-._~]$/;

/** Percent-encodes the UTF-8 of `text`; unlike encodeURIComponent, never throws (a lone surrogate becomes U+FFFD). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return unreserved.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** A query string built from `entries`, percent-encoded, sometimes with raw junk a client could add. */
export function queryString(entries: fc.Arbitrary<[string, string]>): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(entries, { maxLength: 6 }),
      fc.option(fc.constantFrom('&', '&&', '=', '%', '%zz', '[]=1', 'a[b][c]=1', '__proto__[x]=1'), { nil: '' }),
    )
    .map(([pairs, junk]) => {
      const encoded = pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
      return [...encoded, ...(junk ? [junk] : [])].join('&');
    });
}

const errorBodyKeys = new Set(['statusCode', 'code', 'error', 'message', 'details']);

/**
 * Why an error answer is not in the documented shape `{ statusCode, code, error, message, details? }` with a
 * code from `codes`, or undefined when it is.
 */
export function errorShapeProblem(
  status: number,
  headers: Record<string, unknown>,
  payload: string,
  codes: ReadonlySet<string>,
): string | undefined {
  if (!String(headers['content-type'] ?? '').startsWith('application/json')) {
    return `content-type is "${String(headers['content-type'])}"`;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return 'the body is not JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not an object';
  const extra = Object.keys(body).filter((key) => !errorBodyKeys.has(key));
  if (extra.length > 0) return `unexpected keys ${extra.join(', ')}`;
  if (body.statusCode !== status) return `statusCode ${String(body.statusCode)} differs from the status ${status}`;
  if (body.error !== (STATUS_CODES[status] ?? 'Error')) return `error is "${String(body.error)}"`;
  if (typeof body.message !== 'string' || body.message === '') return 'message is not a non-empty string';
  if (typeof body.code !== 'string' || !codes.has(body.code)) return `code "${String(body.code)}" is not documented`;
  return undefined;
}

/** Keys that request data must never add to `Object.prototype`; call before and after a run and compare. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/**
 * The settings of a fuzz run: in `npm test` a fixed seed, so every machine tries the same `numRuns` inputs. To
 * explore further by hand, `FUZZ_SEED=<n>` picks another seed and tries ten times as many.
 */
export function fuzzParameters(numRuns: number): { seed: number; numRuns: number } {
  const explore = process.env.FUZZ_SEED;
  return explore ? { seed: Number(explore), numRuns: numRuns * 10 } : { seed: 20_260_301, numRuns };
}

import type { FastifyReply, FastifyRequest } from 'fastify';

const UNSAFE = /[^\t\x20-\x7e]/;

/** Headers whose value is a name or version rather than a URL: `%` in them is data, so it is encoded too. */
const TEXT_HEADERS = new Set(['x-pact-consumer-version']);

function percentEncode(value: string, keep: (byte: number) => boolean): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    out += keep(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A name or version as a header value: printable ASCII other than `%` is kept, everything else is
 * percent-encoded as UTF-8 (RFC 3986), so `decodeURIComponent` always gives the value back (`версия-1` is
 * `%D0%B2…-1`, `100%` is `100%25`). Node refuses non-Latin-1 header values outright (ERR_INVALID_CHAR), which
 * used to make a pact with such a version unreadable.
 */
export function textHeaderValue(value: string): string {
  return /[^\x20-\x24\x26-\x7e]/.test(value)
    ? percentEncode(value, (byte) => byte >= 0x20 && byte <= 0x7e && byte !== 0x25)
    : value;
}

/** Any other header (a Location is already a percent-encoded URL): only what HTTP cannot carry is encoded. */
function headerValue(name: string, value: string): string {
  if (TEXT_HEADERS.has(name.toLowerCase())) return textHeaderValue(value);
  return UNSAFE.test(value) ? percentEncode(value, (byte) => byte >= 0x20 && byte <= 0x7e) : value;
}

/** onSend: every header the routes set goes out encodable, whatever data it was built from. */
export async function encodeHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (typeof value === 'string') {
      const encoded = headerValue(name, value);
      if (encoded !== value) reply.header(name, encoded);
    } else if (Array.isArray(value)) {
      const encoded = value.map((v) => headerValue(name, v));
      if (encoded.some((v, i) => v !== value[i])) reply.header(name, encoded);
    }
  }
  return payload;
}

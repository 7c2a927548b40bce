import { HAL_CONTENT_TYPE } from '../hal.ts';

const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

/**
 * HAL unless the client asked only for plain JSON. The Pact clients ask for `application/hal+json` (the Rust
 * verifier sends both); a client that sends only `Accept: application/json` gets that media type back.
 */
export function responseContentType(accept: string | string[] | undefined): string {
  const values = (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).toLowerCase();
  if (values === '' || values.includes('hal+json') || values.includes('*/*')) return HAL_CONTENT_TYPE;
  return values.includes('application/json') ? JSON_CONTENT_TYPE : HAL_CONTENT_TYPE;
}

const PROBLEM_CONTENT_TYPE = 'application/problem+json;charset=utf-8';

/** Whether the client asked for errors as RFC 9457 problem details, as the real broker offers. */
export function wantsProblemJson(accept: string | string[] | undefined): boolean {
  return (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).toLowerCase().includes('application/problem+json');
}

/** The media type of an error response: problem+json when asked for, else as for any response. */
export function errorContentType(accept: string | string[] | undefined): string {
  return wantsProblemJson(accept) ? PROBLEM_CONTENT_TYPE : responseContentType(accept);
}

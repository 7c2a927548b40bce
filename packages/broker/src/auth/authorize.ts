import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthConfig, Credentials } from '../config.ts';

export type AuthDecision = 'allowed' | 'unauthenticated' | 'forbidden';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function matches(credentials: Credentials | undefined, username: string, password: string): boolean {
  return credentials !== undefined && same(credentials.username, username) && same(credentials.password, password);
}

export function authEnabled(auth: AuthConfig | undefined): auth is AuthConfig {
  return auth !== undefined && Object.values(auth).some((v) => v !== undefined);
}

/** Asking which pacts to verify is a query, even though it is a POST: read-only users may do it. */
export function isReadRequest(method: string, path: string): boolean {
  return READ_METHODS.has(method) || (method === 'POST' && /\/for-verification\/?$/.test(path));
}

/**
 * Basic credentials or a bearer token: the read-write ones allow everything, the read-only ones only reads.
 * Anything else is unauthenticated.
 */
export function authorize(auth: AuthConfig, method: string, path: string, header: string | undefined): AuthDecision {
  let role: 'readWrite' | 'readOnly' | undefined;
  const [scheme, value = ''] = (header ?? '').trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon !== -1) {
      const username = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      if (matches(auth.readWrite, username, password)) role = 'readWrite';
      else if (matches(auth.readOnly, username, password)) role = 'readOnly';
    }
  } else if (scheme?.toLowerCase() === 'bearer' && value !== '') {
    if (auth.token !== undefined && same(auth.token, value)) role = 'readWrite';
    else if (auth.readOnlyToken !== undefined && same(auth.readOnlyToken, value)) role = 'readOnly';
  }
  if (role === undefined) return 'unauthenticated';
  if (role === 'readOnly' && !isReadRequest(method, path)) return 'forbidden';
  return 'allowed';
}

/** The challenge for a 401: one per configured scheme. */
export function challenges(auth: AuthConfig): string[] {
  const out: string[] = [];
  if (auth.readWrite || auth.readOnly) out.push('Basic realm="Pact Broker"');
  if (auth.token || auth.readOnlyToken) out.push('Bearer realm="Pact Broker"');
  return out;
}

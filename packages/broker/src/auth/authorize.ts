import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthConfig, Credentials } from '../config.ts';
import type { Access } from './policy.ts';

export type AuthDecision = 'allowed' | 'unauthenticated' | 'forbidden';
export type Role = 'readWrite' | 'readOnly';

function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function matches(credentials: Credentials | undefined, username: string, password: string): boolean {
  return credentials !== undefined && same(credentials.username, username) && same(credentials.password, password);
}

export function authEnabled(auth: AuthConfig | undefined): auth is AuthConfig {
  return (
    auth !== undefined &&
    [auth.readWrite, auth.readOnly, auth.token, auth.readOnlyToken].some((value) => value !== undefined)
  );
}

/** Basic credentials or a bearer token, matched against the configured ones; anything else is nobody. */
export function identify(auth: AuthConfig, header: string | undefined): Role | undefined {
  const [scheme, value = ''] = (header ?? '').trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return undefined;
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (matches(auth.readWrite, username, password)) return 'readWrite';
    if (matches(auth.readOnly, username, password)) return 'readOnly';
  } else if (scheme?.toLowerCase() === 'bearer' && value !== '') {
    if (auth.token !== undefined && same(auth.token, value)) return 'readWrite';
    if (auth.readOnlyToken !== undefined && same(auth.readOnlyToken, value)) return 'readOnly';
  }
  return undefined;
}

/** Whether the caller behind `header` may do what the matched route requires (see policy.ts). */
export function authorize(auth: AuthConfig, access: Access, header: string | undefined): AuthDecision {
  if (access === 'anonymous') return 'allowed';
  const role = identify(auth, header);
  if (role === undefined) return 'unauthenticated';
  if (access === 'write' && role !== 'readWrite') return 'forbidden';
  return 'allowed';
}

/** The challenge for a 401: one per configured scheme. */
export function challenges(auth: AuthConfig): string[] {
  const out: string[] = [];
  if (auth.readWrite || auth.readOnly) out.push('Basic realm="Pact Broker"');
  if (auth.token || auth.readOnlyToken) out.push('Bearer realm="Pact Broker"');
  return out;
}

import { describe, expect, it } from 'vitest';
import { authEnabled, authorize, challenges, isReadRequest } from './authorize.ts';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const auth = {
  readWrite: { username: 'rw', password: 'rw-secret' },
  readOnly: { username: 'ro', password: 'ro:secret' },
  token: 'write-token',
  readOnlyToken: 'read-token',
};

describe('authorize', () => {
  it('lets the read-write user and token do anything', () => {
    expect(authorize(auth, 'POST', '/contracts/publish', basic('rw', 'rw-secret'))).toBe('allowed');
    expect(authorize(auth, 'DELETE', '/pacticipants/Foo', 'Bearer write-token')).toBe('allowed');
  });

  it('lets read-only credentials read and ask for pacts to verify, but not write', () => {
    expect(authorize(auth, 'GET', '/matrix', basic('ro', 'ro:secret'))).toBe('allowed');
    expect(authorize(auth, 'POST', '/pacts/provider/Bar/for-verification', basic('ro', 'ro:secret'))).toBe('allowed');
    expect(authorize(auth, 'POST', '/contracts/publish', basic('ro', 'ro:secret'))).toBe('forbidden');
    expect(authorize(auth, 'PUT', '/pacticipants/Foo', 'Bearer read-token')).toBe('forbidden');
  });

  it('rejects missing, malformed and wrong credentials', () => {
    expect(authorize(auth, 'GET', '/', undefined)).toBe('unauthenticated');
    expect(authorize(auth, 'GET', '/', 'Basic !!!')).toBe('unauthenticated');
    expect(authorize(auth, 'GET', '/', basic('rw', 'wrong'))).toBe('unauthenticated');
    expect(authorize(auth, 'GET', '/', 'Bearer nope')).toBe('unauthenticated');
    expect(authorize(auth, 'GET', '/', 'Digest x')).toBe('unauthenticated');
  });
});

describe('auth helpers', () => {
  it('knows when auth is on and which challenges to send', () => {
    expect(authEnabled(undefined)).toBe(false);
    expect(authEnabled({})).toBe(false);
    expect(challenges(auth)).toEqual(['Basic realm="Pact Broker"', 'Bearer realm="Pact Broker"']);
    expect(challenges({ token: 't' })).toEqual(['Bearer realm="Pact Broker"']);
    expect(isReadRequest('HEAD', '/')).toBe(true);
  });
});

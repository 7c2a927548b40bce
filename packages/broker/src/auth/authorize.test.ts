import { describe, expect, it } from 'vitest';
import { authEnabled, authorize, challenges, identify } from './authorize.ts';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const auth = {
  readWrite: { username: 'rw', password: 'rw-secret' },
  readOnly: { username: 'ro', password: 'ro:secret' },
  token: 'write-token',
  readOnlyToken: 'read-token',
};

describe('authorize', () => {
  it('lets the read-write user and token do anything', () => {
    expect(authorize(auth, 'write', basic('rw', 'rw-secret'))).toBe('allowed');
    expect(authorize(auth, 'write', 'Bearer write-token')).toBe('allowed');
  });

  it('lets read-only credentials read, but not write', () => {
    expect(authorize(auth, 'read', basic('ro', 'ro:secret'))).toBe('allowed');
    expect(authorize(auth, 'read', 'Bearer read-token')).toBe('allowed');
    expect(authorize(auth, 'write', basic('ro', 'ro:secret'))).toBe('forbidden');
    expect(authorize(auth, 'write', 'Bearer read-token')).toBe('forbidden');
  });

  it('lets anyone through where the route is anonymous', () => {
    expect(authorize(auth, 'anonymous', undefined)).toBe('allowed');
    expect(authorize(auth, 'anonymous', 'Bearer nope')).toBe('allowed');
  });

  it('rejects missing, malformed and wrong credentials', () => {
    for (const header of [undefined, 'Basic !!!', basic('rw', 'wrong'), 'Bearer nope', 'Digest x', 'Bearer']) {
      expect(identify(auth, header)).toBeUndefined();
      expect(authorize(auth, 'read', header)).toBe('unauthenticated');
    }
  });
});

describe('auth helpers', () => {
  it('knows when auth is on and which challenges to send', () => {
    expect(authEnabled(undefined)).toBe(false);
    expect(authEnabled({})).toBe(false);
    expect(challenges(auth)).toEqual(['Basic realm="Pact Broker"', 'Bearer realm="Pact Broker"']);
    expect(challenges({ token: 't' })).toEqual(['Bearer realm="Pact Broker"']);
  });
});

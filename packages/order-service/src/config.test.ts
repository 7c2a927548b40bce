import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('applies defaults around the two required settings', () => {
    expect(readConfig({ USER_SERVICE_URL: 'http://127.0.0.1:3001', USER_SERVICE_TOKEN: 'tok' })).toEqual({
      host: '127.0.0.1',
      port: 3002,
      databasePath: '.data/order-service.sqlite',
      logLevel: 'info',
      userService: { baseUrl: 'http://127.0.0.1:3001', token: 'tok', timeoutMs: 2000 },
    });
  });

  it('names the missing setting and the README table', () => {
    expect(() => readConfig({ USER_SERVICE_URL: 'http://127.0.0.1:3001' })).toThrowError(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/USER_SERVICE_TOKEN.*README\.md/),
      }),
    );
  });

  it('refuses a timeout that would let a request hang', () => {
    expect(() =>
      readConfig({ USER_SERVICE_URL: 'http://x', USER_SERVICE_TOKEN: 't', USER_SERVICE_TIMEOUT_MS: '600000' }),
    ).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

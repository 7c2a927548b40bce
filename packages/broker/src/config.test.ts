import { ConfigError } from '@contract-kit/service-common';
import { describe, expect, it } from 'vitest';
import { normalizeAuth, readBrokerConfig } from './config.ts';

describe('readBrokerConfig', () => {
  it('has defaults: loopback, port 9292, .broker, no auth', () => {
    expect(readBrokerConfig({})).toEqual({
      host: '127.0.0.1',
      port: 9292,
      dataDir: '.broker',
      logLevel: 'info',
      bodyLimit: 16 * 1024 * 1024,
      webhooks: {
        retrySchedule: [10, 60, 120, 300, 600, 1200],
        timeoutMs: 15_000,
        allow: { schemes: ['https', 'http'], hosts: [] },
        pollMs: 1000,
        run: true,
      },
    });
  });

  it('reads the PostgreSQL URL and the webhook settings', () => {
    const config = readBrokerConfig({
      BROKER_DATABASE_URL: 'postgres://broker@db:5432/broker',
      BROKER_DATABASE_SCHEMA: 'pact',
      BROKER_WEBHOOK_RETRY_SCHEDULE: '5, 30',
      BROKER_WEBHOOK_TIMEOUT_MS: '2000',
      BROKER_WEBHOOK_SCHEME_WHITELIST: 'https',
      BROKER_WEBHOOK_HOST_WHITELIST: '*.ci.example.com, 10.0.0.0/8 /^jenkins-\\d+$/',
      BROKER_WEBHOOK_RUNNER: 'off',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://broker@db:5432/broker',
      databaseSchema: 'pact',
      webhooks: {
        retrySchedule: [5, 30],
        timeoutMs: 2000,
        allow: { schemes: ['https'], hosts: ['*.ci.example.com', '10.0.0.0/8', '/^jenkins-\\d+$/'] },
        run: false,
      },
    });
    expect(readBrokerConfig({ BROKER_WEBHOOK_RETRY_SCHEDULE: '' }).webhooks.retrySchedule).toEqual([]);
  });

  it('refuses a database URL that is not PostgreSQL, a bad schedule, scheme or host pattern', () => {
    for (const env of [
      { BROKER_DATABASE_URL: 'mysql://db/broker' },
      { BROKER_WEBHOOK_RETRY_SCHEDULE: '10,soon' },
      { BROKER_WEBHOOK_SCHEME_WHITELIST: 'ftp' },
      { BROKER_WEBHOOK_HOST_WHITELIST: '/([a-z/' },
    ]) {
      expect(() => readBrokerConfig(env)).toThrow(ConfigError);
    }
  });

  it('reads the body limit in bytes', () => {
    expect(readBrokerConfig({ BROKER_BODY_LIMIT: '65536' }).bodyLimit).toBe(65536);
  });

  it('returns frozen objects with no prototype and only the fields it knows', () => {
    const config = readBrokerConfig({
      BROKER_AUTH_TOKEN: 'token',
      BROKER_BASIC_AUTH_USERNAME: 'ci',
      BROKER_BASIC_AUTH_PASSWORD: 'secret',
      BROKER_SOMETHING_ELSE: 'x',
    });
    for (const object of [config, config.auth, config.auth?.readWrite]) {
      expect(Object.isFrozen(object)).toBe(true);
      expect(Object.getPrototypeOf(object)).toBeNull();
    }
    expect(Object.keys(config.auth ?? {})).toEqual(['readWrite', 'token']);
  });

  it('normalizes auth given in code the same way, dropping anything but the four fields', () => {
    const auth = normalizeAuth({ token: 't', extra: 'x', readOnly: { username: 'u' } } as never);
    expect(Object.getPrototypeOf(auth)).toBeNull();
    expect(Object.isFrozen(auth)).toBe(true);
    expect({ ...auth }).toEqual({ token: 't' });
    expect(normalizeAuth({})).toBeUndefined();
  });

  it('accepts port 0, an in-memory database and a public base URL', () => {
    expect(
      readBrokerConfig({ BROKER_PORT: '0', BROKER_DATA_DIR: ':memory:', BROKER_BASE_URL: 'https://broker.example/' }),
    ).toMatchObject({ port: 0, dataDir: ':memory:', baseUrl: 'https://broker.example' });
  });

  it('turns auth on with basic users and tokens', () => {
    expect(
      readBrokerConfig({
        BROKER_BASIC_AUTH_USERNAME: 'ci',
        BROKER_BASIC_AUTH_PASSWORD: 'secret',
        BROKER_BASIC_AUTH_READ_ONLY_USERNAME: 'dev',
        BROKER_BASIC_AUTH_READ_ONLY_PASSWORD: 'dev-secret',
        BROKER_AUTH_TOKEN: 'token',
        BROKER_READ_ONLY_AUTH_TOKEN: 'read-token',
      }).auth,
    ).toEqual({
      readWrite: { username: 'ci', password: 'secret' },
      readOnly: { username: 'dev', password: 'dev-secret' },
      token: 'token',
      readOnlyToken: 'read-token',
    });
  });

  it.each([
    { BROKER_PORT: '70000' },
    { BROKER_PORT: 'abc' },
    { BROKER_BASE_URL: 'ftp://x' },
    { BROKER_LOG_LEVEL: 'loud' },
    { BROKER_BASIC_AUTH_USERNAME: 'ci' },
    { BROKER_BASIC_AUTH_READ_ONLY_PASSWORD: 'x' },
    { BROKER_AUTH_TOKEN: '' },
    { BROKER_BODY_LIMIT: '10' },
    { BROKER_BODY_LIMIT: 'lots' },
  ])('rejects %j with a ConfigError', (env) => {
    expect(() => readBrokerConfig(env)).toThrow(ConfigError);
  });
});

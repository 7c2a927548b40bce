import { ConfigError } from '@contract-kit/service-common';
import { describe, expect, it } from 'vitest';
import { readBrokerConfig } from './config.ts';

describe('readBrokerConfig', () => {
  it('has defaults: loopback, port 9292, .broker, no auth', () => {
    expect(readBrokerConfig({})).toEqual({ host: '127.0.0.1', port: 9292, dataDir: '.broker', logLevel: 'info' });
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
  ])('rejects %j with a ConfigError', (env) => {
    expect(() => readBrokerConfig(env)).toThrow(ConfigError);
  });
});

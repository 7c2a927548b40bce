import { ConfigError } from '@contract-kit/service-common';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('applies the defaults: SQLite file, loopback, port 3001', () => {
    expect(readConfig({})).toEqual({
      host: '127.0.0.1',
      port: 3001,
      database: { url: '.data/user-service.sqlite' },
      logLevel: 'info',
    });
  });

  it('selects PostgreSQL with DATABASE_URL, with its schema', () => {
    expect(
      readConfig({
        HOST: '0.0.0.0',
        PORT: '0',
        DATABASE_URL: 'postgres://app@db:5432/users',
        DATABASE_PATH: 'ignored.sqlite',
        DATABASE_SCHEMA: 'verify_1',
        LOG_LEVEL: 'warn',
        SEED_TOKEN: 'try-me-0123456789',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      database: { url: 'postgres://app@db:5432/users', schema: 'verify_1' },
      logLevel: 'warn',
      seedToken: 'try-me-0123456789',
    });
  });

  it('takes DATABASE_PATH, :memory: included, and treats empty variables as unset', () => {
    expect(readConfig({ DATABASE_PATH: ':memory:', DATABASE_URL: '', PORT: '' }).database).toEqual({ url: ':memory:' });
  });

  it.each([
    ['PORT', { PORT: 'http' }],
    ['PORT', { PORT: '65536' }],
    ['PORT', { PORT: '-1' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/users' }],
    ['DATABASE_SCHEMA', { DATABASE_URL: 'postgres://db/users', DATABASE_SCHEMA: 'Bad-Name' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['SEED_TOKEN', { SEED_TOKEN: 'short' }],
  ])('refuses a bad %s with ConfigError CONFIG_INVALID', (name, env) => {
    const read = () => readConfig(env);

    expect(read).toThrowError(ConfigError);
    expect(read).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(name) }),
    );
  });

  it('refuses DATABASE_SCHEMA without PostgreSQL', () => {
    expect(() => readConfig({ DATABASE_SCHEMA: 'alone' })).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});

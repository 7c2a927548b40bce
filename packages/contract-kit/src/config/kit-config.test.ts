import { describe, expect, it } from 'vitest';
import { ContractKitErrorCodes } from '../errors.ts';
import { defaultSelectors, readKitConfig } from './kit-config.ts';

describe('readKitConfig', () => {
  it('has defaults that need no configuration at all', () => {
    expect(readKitConfig({})).toEqual({
      pactDir: 'pacts',
      selectors: defaultSelectors,
      enablePending: true,
      environment: 'production',
    });
  });

  it('reads a broker with a token, selectors, WIP and publishing', () => {
    expect(
      readKitConfig({
        PACT_BROKER_BASE_URL: 'https://broker.example/',
        PACT_BROKER_TOKEN: 'tok',
        PACT_CONSUMER_VERSION_SELECTORS: '[{"branch":"main"},{"deployed":true,"environment":"staging"}]',
        PACT_INCLUDE_WIP_PACTS_SINCE: '2026-01-01',
        PACT_PUBLISH_VERIFICATION_RESULTS: 'true',
        PACT_ENABLE_PENDING: 'false',
      }),
    ).toEqual({
      pactDir: 'pacts',
      broker: { url: 'https://broker.example', auth: { token: 'tok' } },
      selectors: [{ branch: 'main' }, { deployed: true, environment: 'staging' }],
      enablePending: false,
      includeWipPactsSince: '2026-01-01',
      publishResults: true,
      environment: 'production',
    });
  });

  it('reads the broker deadline, and pact-js’s name for publishing results', () => {
    expect(
      readKitConfig({
        PACT_BROKER_BASE_URL: 'http://broker.example',
        CONTRACT_KIT_BROKER_TIMEOUT_MS: '2500',
        PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
      }),
    ).toMatchObject({ broker: { url: 'http://broker.example', timeoutMs: 2500 }, publishResults: true });
    // The kit's own name wins when both are set.
    expect(
      readKitConfig({ PACT_PUBLISH_VERIFICATION_RESULTS: 'false', PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true' })
        .publishResults,
    ).toBe(false);
  });

  it.each([
    [
      'a deadline that is not a number',
      { CONTRACT_KIT_BROKER_TIMEOUT_MS: '10s' },
      /CONTRACT_KIT_BROKER_TIMEOUT_MS must be a whole number of milliseconds/,
    ],
    [
      'both auth kinds',
      { PACT_BROKER_BASE_URL: 'http://b', PACT_BROKER_TOKEN: 't', PACT_BROKER_USERNAME: 'u' },
      /either PACT_BROKER_TOKEN or PACT_BROKER_USERNAME\/PASSWORD/,
    ],
    ['a username without password', { PACT_BROKER_BASE_URL: 'http://b', PACT_BROKER_USERNAME: 'u' }, /go together/],
    ['credentials without a broker', { PACT_BROKER_TOKEN: 't' }, /PACT_BROKER_BASE_URL is not/],
    ['a broker URL that is not one', { PACT_BROKER_BASE_URL: 'broker:9292' }, /must be an http\(s\) URL/],
    ['selectors that are not JSON', { PACT_CONSUMER_VERSION_SELECTORS: 'mainBranch' }, /JSON array/],
    [
      'an unknown selector key',
      { PACT_CONSUMER_VERSION_SELECTORS: '[{"mainbranch":true}]' },
      /must NOT have additional properties/,
    ],
    ['a WIP date that is not a date', { PACT_INCLUDE_WIP_PACTS_SINCE: 'last week' }, /must be a date/],
    ['a boolean that is not one', { PACT_ENABLE_PENDING: 'maybe' }, /must be true or false/],
  ])('refuses %s with a message saying what to set', (_case, env, message) => {
    expect(() => readKitConfig(env)).toThrowError(
      expect.objectContaining({ code: ContractKitErrorCodes.configInvalid, message: expect.stringMatching(message) }),
    );
  });
});

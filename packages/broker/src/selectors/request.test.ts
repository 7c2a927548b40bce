import { describe, expect, it } from 'vitest';
import { BrokerValidationError } from '../errors.ts';
import { parseForVerificationRequest } from './request.ts';

describe('parseForVerificationRequest', () => {
  it('reads a POST body', () => {
    expect(
      parseForVerificationRequest({
        consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
        providerVersionBranch: 'main',
        includePendingStatus: true,
        includeWipPactsSince: '2024-01-01',
      }),
    ).toEqual({
      consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
      providerVersionBranch: 'main',
      providerVersionTags: [],
      includePendingStatus: true,
      includeWipPactsSince: new Date('2024-01-01'),
    });
  });

  it('reads a query string, in camelCase or snake_case, where every value is a string', () => {
    expect(
      parseForVerificationRequest({
        consumer_version_selectors: [{ tag: 'prod', latest: 'true', fallback_tag: 'main' }],
        provider_version_tags: 'dev',
        include_pending_status: 'false',
      }),
    ).toEqual({
      consumerVersionSelectors: [{ tag: 'prod', latest: true, fallbackTag: 'main' }],
      providerVersionTags: ['dev'],
      includePendingStatus: false,
    });
  });

  it('reports every invalid selector by index', () => {
    try {
      parseForVerificationRequest({
        consumerVersionSelectors: [{ latest: true }, { consumer: 'Foo' }, { mainBranch: true, branch: 'x' }],
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BrokerValidationError);
      expect(Object.keys((err as BrokerValidationError).errors)).toEqual([
        'consumerVersionSelectors[1]',
        'consumerVersionSelectors[2]',
      ]);
    }
  });
});

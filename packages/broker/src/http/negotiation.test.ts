import { describe, expect, it } from 'vitest';
import { responseContentType } from './negotiation.ts';

describe('responseContentType', () => {
  it('serves HAL by default, to HAL clients and to anything-goes clients', () => {
    expect(responseContentType(undefined)).toBe('application/hal+json;charset=utf-8');
    expect(responseContentType('application/hal+json')).toBe('application/hal+json;charset=utf-8');
    expect(responseContentType(['application/hal+json', 'application/json'])).toBe(
      'application/hal+json;charset=utf-8',
    );
    expect(responseContentType('text/html, */*')).toBe('application/hal+json;charset=utf-8');
  });

  it('serves plain JSON to a client that asks only for it', () => {
    expect(responseContentType('application/json')).toBe('application/json;charset=utf-8');
  });
});

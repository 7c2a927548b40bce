import { describe, expect, it } from 'vitest';
import { matcherProblem } from './matcher-check.ts';

describe('matcherProblem', () => {
  it('judges JSON values the way the verifier does', () => {
    expect(matcherProblem({ match: 'integer' }, 42, 'json')).toBeUndefined();
    expect(matcherProblem({ match: 'integer' }, '42', 'json')).toBe('is not an integer');
    expect(matcherProblem({ match: 'decimal' }, 1.5, 'json')).toBeUndefined();
    expect(matcherProblem({ match: 'boolean' }, 'true', 'json')).toBeUndefined();
    expect(matcherProblem({ match: 'null' }, 0, 'json')).toBe('is not null');
    expect(matcherProblem({ match: 'include', value: 'page=' }, '/users?page=2', 'json')).toBeUndefined();
    expect(matcherProblem({ match: 'semver' }, '1.2', 'json')).toBe('is not a semantic version');
    expect(matcherProblem({ match: 'notEmpty' }, [], 'json')).toBe('is empty');
    expect(matcherProblem({ match: 'type', max: 1 }, [1, 2], 'json')).toBe('has 2 items, more than the max of 1');
  });

  it('reads header, query and path values as text', () => {
    expect(matcherProblem({ match: 'integer' }, '42', 'text')).toBeUndefined();
    expect(matcherProblem({ match: 'number' }, 'x', 'text')).toBe('is not a number');
    expect(matcherProblem({ match: 'regex', regex: '^Bearer \\S+$' }, 'Bearer abc', 'text')).toBeUndefined();
  });

  it('checks the keys and values of eachKey and eachValue', () => {
    const keys = { match: 'eachKey', rules: [{ match: 'regex', regex: '^[a-z]+$' }] };
    expect(matcherProblem(keys, { ok: 1, Bad: 2 }, 'json')).toBe(
      'has a key "Bad" that does not match the regex ^[a-z]+$',
    );
    const values = { match: 'eachValue', rules: [{ match: 'integer' }] };
    expect(matcherProblem(values, [1, 'two'], 'json')).toBe('has a value "two" that is not an integer');
  });

  it('checks statuses by class or list', () => {
    expect(matcherProblem({ match: 'statusCode', status: 'success' }, 404, 'text')).toBe('is not a success status');
    expect(matcherProblem({ match: 'statusCode', status: [200, 201] }, 201, 'text')).toBeUndefined();
  });

  it('passes what it cannot judge rather than guess', () => {
    expect(matcherProblem({ match: 'datetime', format: '%Y' }, 'whatever', 'json')).toBeUndefined();
    expect(matcherProblem({ match: 'contentType', value: 'image/png' }, 'abc', 'json')).toBeUndefined();
    expect(matcherProblem({ match: 'regex', regex: '^x$' }, { a: 1 }, 'json')).toBeUndefined();
  });
});

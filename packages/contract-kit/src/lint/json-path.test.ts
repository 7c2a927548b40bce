import { describe, expect, it } from 'vitest';
import { formatJsonPath, parseRulePath, ruleCovers, selectValues } from './json-path.ts';

describe('formatJsonPath', () => {
  it('writes identifiers with dots, indexes and other keys in brackets', () => {
    expect(formatJsonPath(['interactions', 3, 'response', 'headers', 'Content-Type'])).toBe(
      "$.interactions[3].response.headers['Content-Type']",
    );
    expect(formatJsonPath(['matchingRules', 'body', "$.it's"])).toBe("$.matchingRules.body['$.it\\'s']");
    expect(formatJsonPath([])).toBe('$');
  });
});

describe('parseRulePath', () => {
  it('reads fields, quoted fields, indexes and wildcards', () => {
    expect(parseRulePath("$.items[*].id['x-y'][2].*")).toEqual([
      { kind: 'field', name: 'items' },
      { kind: 'any' },
      { kind: 'field', name: 'id' },
      { kind: 'field', name: 'x-y' },
      { kind: 'index', index: 2 },
      { kind: 'any' },
    ]);
    expect(parseRulePath('$')).toEqual([]);
  });

  it('rejects what is no rule path', () => {
    expect(parseRulePath('items.id')).toBeUndefined();
    expect(parseRulePath('$.items[')).toBeUndefined();
    expect(parseRulePath('$..id')).toBeUndefined();
    expect(parseRulePath('$[x]')).toBeUndefined();
  });
});

describe('selectValues', () => {
  const body = { items: [{ id: 1 }, { id: 2 }], empty: [], user: { name: 'Ada' } };

  it('selects every value a path names, with where it is', () => {
    expect(selectValues(body, parseRulePath('$.items[*].id') ?? [])).toEqual({
      found: [
        { segments: ['items', 0, 'id'], value: 1 },
        { segments: ['items', 1, 'id'], value: 2 },
      ],
      throughEmpty: false,
    });
  });

  it('tells a path that selects nothing from one that went through an empty array', () => {
    expect(selectValues(body, parseRulePath('$.user.nmae') ?? [])).toEqual({ found: [], throughEmpty: false });
    expect(selectValues(body, parseRulePath('$.empty[*].id') ?? [])).toEqual({ found: [], throughEmpty: true });
  });
});

describe('ruleCovers', () => {
  it('covers the location itself and everything below it', () => {
    const rule = parseRulePath('$.items[*]') ?? [];
    expect(ruleCovers(rule, ['items', 0])).toBe(true);
    expect(ruleCovers(rule, ['items', 0, 'id'])).toBe(true);
    expect(ruleCovers(rule, ['items'])).toBe(false);
    expect(ruleCovers(rule, ['users', 0])).toBe(false);
  });
});

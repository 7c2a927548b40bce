import { describe, expect, it } from 'vitest';
import { formattedDiff, MAX_CELLS } from './diff.ts';

const pact = (method: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    consumer: { name: 'C' },
    interactions: [{ description: 'd', request: { path: '/a', method }, ...extra }],
  });

describe('formattedDiff', () => {
  it('shows a changed line as removed then added, with context, in one hunk', () => {
    const diff = formattedDiff(pact('GET'), pact('POST')).split('\n');
    expect(diff[0]).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/);
    const changes = diff.filter((line) => /^[-+]/.test(line));
    expect(changes).toEqual(['-        "method": "POST",', '+        "method": "GET",']);
    expect(diff).toContain('         "path": "/a"');
  });

  it('sorts keys and drops the broker ids of interactions, so neither shows as a change', () => {
    const withId = JSON.stringify({
      interactions: [{ _id: 'abc', request: { method: 'GET', path: '/a' }, description: 'd' }],
      consumer: { name: 'C' },
    });
    expect(formattedDiff(withId, pact('GET'))).toBe('');
  });

  it('past the size limit, shows the changed middle as replaced whole', () => {
    const many = (tag: string) =>
      JSON.stringify({ items: Array.from({ length: Math.ceil(Math.sqrt(MAX_CELLS)) + 10 }, (_, i) => `${tag}${i}`) });
    const changes = formattedDiff(many('b'), many('a'))
      .split('\n')
      .filter((line) => /^[-+]/.test(line));
    const firstAdded = changes.findIndex((line) => line.startsWith('+'));
    expect(changes.slice(0, firstAdded).every((line) => line.startsWith('-'))).toBe(true);
    expect(changes.slice(firstAdded).every((line) => line.startsWith('+'))).toBe(true);
  });
});

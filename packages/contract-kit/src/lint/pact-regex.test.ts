import { describe, expect, it } from 'vitest';
import { compilePactRegex, isAnchored } from './pact-regex.ts';

describe('compilePactRegex', () => {
  it('compiles Rust regex syntax: inline flags, \\A and \\z, (?P<name>…)', () => {
    const bearer = compilePactRegex('(?i)^bearer \\S+$');
    expect(bearer.ok === true && bearer.regex.test('Bearer abc')).toBe(true);
    const whole = compilePactRegex('\\A(?P<id>\\d+)\\z');
    expect(whole.ok === true && whole.regex.test('42')).toBe(true);
  });

  it('refuses what the Rust verifier would', () => {
    expect(compilePactRegex('^(?=a).+$')).toEqual({
      ok: false,
      reason: 'look-around is not supported by the Pact verifier (Rust regex)',
    });
    expect(compilePactRegex('^(a)\\1$')).toEqual({
      ok: false,
      reason: 'back-references are not supported by the Pact verifier (Rust regex)',
    });
    expect(compilePactRegex('^(a$')).toEqual({ ok: false, reason: 'Unterminated group' });
  });

  it('leaves verbose-mode expressions unchecked', () => {
    expect(compilePactRegex('(?x) ^ a $')).toEqual({ ok: 'unchecked' });
  });
});

describe('isAnchored', () => {
  it('takes one anchor as deliberate and no anchor as a mistake', () => {
    expect(isAnchored('^application\\/json(;.*)?$')).toBe(true);
    expect(isAnchored('^application/json')).toBe(true);
    expect(isAnchored('(?i)^x')).toBe(true);
    expect(isAnchored('\\d+')).toBe(false);
    expect(isAnchored('a\\$')).toBe(false);
  });
});

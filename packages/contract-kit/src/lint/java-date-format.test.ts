import { describe, expect, it } from 'vitest';
import { javaDateFormatToRegExp } from './java-date-format.ts';

function accepts(format: string, value: string): boolean | undefined {
  return javaDateFormatToRegExp(format)?.test(value);
}

describe('javaDateFormatToRegExp', () => {
  it("checks the shape of pact-js's ISO-8601 datetime format", () => {
    const format = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
    expect(accepts(format, '2026-01-02T03:04:05.000Z')).toBe(true);
    expect(accepts(format, '2026-01-02T03:04:05.000+01')).toBe(true);
    expect(accepts(format, '2026-01-02T03:04:05Z')).toBe(false);
    expect(accepts(format, '2026-01-02 03:04:05.000Z')).toBe(false);
    expect(accepts(format, 'Jan 2, 2026')).toBe(false);
  });

  it('reads offsets, names, optional sections and quoted text', () => {
    expect(accepts("yyyy-MM-dd'T'HH:mm:ssXXX", '2026-01-02T03:04:05+01:00')).toBe(true);
    expect(accepts('EEE, dd MMM yyyy HH:mm:ss z', 'Fri, 02 Jan 2026 03:04:05 GMT')).toBe(true);
    expect(accepts('HH:mm[:ss]', '03:04')).toBe(true);
    expect(accepts('HH:mm[:ss]', '03:04:05')).toBe(true);
    expect(accepts("h 'o''clock' a", "3 o'clock PM")).toBe(true);
  });

  it('gives up on formats it does not know instead of guessing', () => {
    expect(javaDateFormatToRegExp('%Y-%m-%d')).toBeUndefined();
    expect(javaDateFormatToRegExp('GGGG yyyy')).toBeUndefined();
    expect(javaDateFormatToRegExp("yyyy 'unclosed")).toBeUndefined();
    expect(javaDateFormatToRegExp('')).toBeUndefined();
  });
});

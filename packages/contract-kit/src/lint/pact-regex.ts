/**
 * Pact's verifier (pact-rust) uses Rust regex syntax. This compiles an expression as it would be
 * understood there, with JavaScript's engine, and says when it cannot be.
 */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; reason: string } | { ok: 'unchecked' };

const leadingFlags = /^\(\?([imsxU]+)\)/;

export function compilePactRegex(source: string): CompiledRegex {
  if (/\(\?<?[=!]/.test(source)) {
    return { ok: false, reason: 'look-around is not supported by the Pact verifier (Rust regex)' };
  }
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(source)) {
    return { ok: false, reason: 'back-references are not supported by the Pact verifier (Rust regex)' };
  }
  let flags = '';
  let pattern = source;
  const inline = leadingFlags.exec(pattern);
  if (inline) {
    const letters = inline[1] as string;
    if (/[xU]/.test(letters)) return { ok: 'unchecked' };
    flags = [...new Set(letters)].join('');
    pattern = pattern.slice(inline[0].length);
  }
  pattern = pattern.replace(/^\\A/, '^').replace(/\\z$/, '$').replaceAll('(?P<', '(?<');
  try {
    return { ok: true, regex: new RegExp(pattern, `${flags}u`) };
  } catch {
    try {
      return { ok: true, regex: new RegExp(pattern, flags) };
    } catch (err) {
      return { ok: false, reason: (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') };
    }
  }
}

/**
 * Whether the expression is anchored at either end (`^…`, `…$`, `\A`, `\z`). One anchor is a
 * deliberate prefix or suffix match; none means any value containing a match passes.
 */
export function isAnchored(source: string): boolean {
  const body = source.replace(leadingFlags, '');
  const start = body.startsWith('^') || body.startsWith('\\A');
  const trailingBackslashes = /(\\*)\$$/.exec(body)?.[1]?.length;
  const end = (trailingBackslashes !== undefined && trailingBackslashes % 2 === 0) || body.endsWith('\\z');
  return start || end;
}

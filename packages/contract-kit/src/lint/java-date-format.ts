/**
 * Pact's date, time and datetime matchers take Java DateTimeFormatter patterns (pact-rust reads
 * the same letters), e.g. `yyyy-MM-dd'T'HH:mm:ss.SSSX`. This turns one into a RegExp that checks
 * the shape of a value; undefined for letters it does not know, so an unknown format is skipped
 * rather than reported wrongly.
 */
const offsetX = [
  'Z|[+-]\\d{2}(?:\\d{2})?',
  'Z|[+-]\\d{4}',
  'Z|[+-]\\d{2}:\\d{2}',
  'Z|[+-]\\d{4}(?:\\d{2})?',
  'Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?',
];
const offsetx = [
  '[+-]\\d{2}(?:\\d{2})?',
  '[+-]\\d{4}',
  '[+-]\\d{2}:\\d{2}',
  '[+-]\\d{4}(?:\\d{2})?',
  '[+-]\\d{2}:\\d{2}(?::\\d{2})?',
];
const zoneName = '[A-Za-z][A-Za-z0-9_+-]*(?:\\/[A-Za-z0-9_+-]+)*';
const text = '[A-Za-z]+';

function numeric(count: number, oneMax: number): string {
  return count === 1 ? `\\d{1,${oneMax}}` : `\\d{${count}}`;
}

function letterPattern(letter: string, count: number): string | undefined {
  switch (letter) {
    case 'y':
    case 'u':
    case 'Y':
      return count === 2 ? '\\d{2}' : count === 1 ? '\\d+' : `\\d{${count}}`;
    case 'M':
    case 'L':
      return count <= 2 ? numeric(count, 2) : text;
    case 'd':
    case 'H':
    case 'h':
    case 'K':
    case 'k':
    case 'm':
    case 's':
    case 'w':
      return numeric(count, 2);
    case 'D':
      return numeric(count, 3);
    case 'W':
    case 'F':
      return '\\d';
    case 'Q':
    case 'q':
      return count <= 2 ? numeric(count, 1) : text;
    case 'E':
      return text;
    case 'e':
    case 'c':
      return count <= 2 ? numeric(count, 1) : text;
    case 'a':
      return '[AaPp][Mm]';
    case 'S':
      return `\\d{${count}}`;
    case 'A':
    case 'n':
    case 'N':
      return '\\d+';
    case 'X':
      return count <= 5 ? `(?:${offsetX[count - 1]})` : undefined;
    case 'x':
      return count <= 5 ? `(?:${offsetx[count - 1]})` : undefined;
    case 'Z':
      return count <= 3 ? '[+-]\\d{4}' : count === 4 ? 'GMT(?:[+-]\\d{2}:\\d{2})?' : '(?:Z|[+-]\\d{2}:\\d{2})';
    case 'O':
      return 'GMT(?:[+-]\\d{1,2}(?::\\d{2})?)?';
    case 'V':
    case 'z':
      return `(?:${zoneName}|Z|[+-]\\d{2}:?\\d{2})`;
    default:
      return undefined;
  }
}

function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function javaDateFormatToRegExp(format: string): RegExp | undefined {
  if (format === '' || format.includes('%')) return undefined;
  let pattern = '';
  let i = 0;
  while (i < format.length) {
    const char = format[i] as string;
    if (char === "'") {
      if (format[i + 1] === "'") {
        pattern += "'";
        i += 2;
        continue;
      }
      // Quoted text, where '' stands for one quote.
      let literal = '';
      let j = i + 1;
      for (;;) {
        if (j >= format.length) return undefined;
        if (format[j] === "'" && format[j + 1] === "'") {
          literal += "'";
          j += 2;
        } else if (format[j] === "'") {
          break;
        } else {
          literal += format[j];
          j++;
        }
      }
      pattern += literally(literal);
      i = j + 1;
    } else if (char === '[') {
      pattern += '(?:';
      i++;
    } else if (char === ']') {
      pattern += ')?';
      i++;
    } else if (/[A-Za-z]/.test(char)) {
      let count = 1;
      while (format[i + count] === char) count++;
      const piece = letterPattern(char, count);
      if (piece === undefined) return undefined;
      pattern += piece;
      i += count;
    } else {
      pattern += literally(char);
      i++;
    }
  }
  try {
    return new RegExp(`^${pattern}$`);
  } catch {
    return undefined;
  }
}

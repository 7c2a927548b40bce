/** One step into a JSON document: an object key or an array index. */
export type Segment = string | number;

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `['interactions', 3, 'request', 'Content-Type']` → `$.interactions[3].request['Content-Type']`. */
export function formatJsonPath(segments: readonly Segment[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (identifier.test(segment)) path += `.${segment}`;
    else path += `['${segment.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
  }
  return path;
}

/** A step of a Pact matching-rule path such as `$.items[*].id` or `$['x-id']`. */
export type RuleToken = { kind: 'field'; name: string } | { kind: 'index'; index: number } | { kind: 'any' };

/** Parses a Pact matching-rule (or generator) path; undefined when it is not one. */
export function parseRulePath(expression: string): RuleToken[] | undefined {
  if (!expression.startsWith('$')) return undefined;
  const tokens: RuleToken[] = [];
  let i = 1;
  while (i < expression.length) {
    const char = expression[i];
    if (char === '.') {
      const start = i + 1;
      let end = start;
      while (end < expression.length && expression[end] !== '.' && expression[end] !== '[') end++;
      const name = expression.slice(start, end);
      if (name === '') return undefined;
      tokens.push(name === '*' ? { kind: 'any' } : { kind: 'field', name });
      i = end;
    } else if (char === '[') {
      const close = bracketEnd(expression, i);
      if (close === undefined) return undefined;
      const inner = expression.slice(i + 1, close);
      if (inner === '*') tokens.push({ kind: 'any' });
      else if (/^\d+$/.test(inner)) tokens.push({ kind: 'index', index: Number(inner) });
      else if (/^'.*'$|^".*"$/s.test(inner)) tokens.push({ kind: 'field', name: inner.slice(1, -1) });
      else return undefined;
      i = close + 1;
    } else {
      return undefined;
    }
  }
  return tokens;
}

function bracketEnd(expression: string, open: number): number | undefined {
  const quote = expression[open + 1];
  if (quote === "'" || quote === '"') {
    const closeQuote = expression.indexOf(quote, open + 2);
    return closeQuote !== -1 && expression[closeQuote + 1] === ']' ? closeQuote + 1 : undefined;
  }
  const close = expression.indexOf(']', open);
  return close === -1 ? undefined : close;
}

export interface Selected {
  segments: Segment[];
  value: unknown;
}

export interface Selection {
  found: Selected[];
  /** True when some branch ended in an empty array or object: a rule may rightly select nothing there. */
  throughEmpty: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The values a rule path selects in an example document. */
export function selectValues(root: unknown, tokens: readonly RuleToken[]): Selection {
  let current: Selected[] = [{ segments: [], value: root }];
  let throughEmpty = false;
  for (const token of tokens) {
    const next: Selected[] = [];
    for (const { segments, value } of current) {
      if (token.kind === 'field' && isObject(value) && Object.hasOwn(value, token.name)) {
        next.push({ segments: [...segments, token.name], value: value[token.name] });
      } else if (token.kind === 'index' && Array.isArray(value) && token.index < value.length) {
        next.push({ segments: [...segments, token.index], value: value[token.index] });
      } else if (token.kind === 'any' && Array.isArray(value)) {
        if (value.length === 0) throughEmpty = true;
        value.forEach((item, index) => {
          next.push({ segments: [...segments, index], value: item });
        });
      } else if (token.kind === 'any' && isObject(value)) {
        const entries = Object.entries(value);
        if (entries.length === 0) throughEmpty = true;
        for (const [key, item] of entries) next.push({ segments: [...segments, key], value: item });
      }
    }
    current = next;
  }
  return { found: current, throughEmpty };
}

/** Whether a rule path applies to the concrete location: it names it or one of its ancestors (rules cascade). */
export function ruleCovers(tokens: readonly RuleToken[], location: readonly Segment[]): boolean {
  if (tokens.length > location.length) return false;
  return tokens.every((token, i) => {
    const segment = location[i];
    if (token.kind === 'any') return true;
    if (token.kind === 'field') return segment === token.name;
    return segment === token.index;
  });
}

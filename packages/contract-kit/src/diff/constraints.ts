/**
 * What a matching rule lets a value be, and whether one rule accepts more or fewer values than
 * another. A field with no rule must equal its example; that is the strictest constraint.
 */
type Json = Record<string, unknown>;

export interface Constraint {
  /** The matchers that apply (the rule set's, or an ancestor's a type rule cascades from); empty: equality. */
  matchers: Json[];
  combine: 'AND' | 'OR';
}

export type Comparison = 'same' | 'looser' | 'stricter' | 'different';

export const equality: Constraint = { matchers: [], combine: 'AND' };

const aliases: Record<string, string> = {
  'min-type': 'type',
  'max-type': 'type',
  min: 'type',
  max: 'type',
  real: 'decimal',
  datetime: 'timestamp',
  'not-empty': 'notEmpty',
  'status-code': 'statusCode',
  'array-contains': 'arrayContains',
  'each-key': 'eachKey',
  'each-value': 'eachValue',
  'content-type': 'contentType',
};

function kindOf(matcher: Json): string {
  const match = typeof matcher.match === 'string' ? matcher.match : 'type';
  return aliases[match] ?? match;
}

/** The matcher's own terms, min and max aside (they are compared as bounds). */
function detailOf(matcher: Json): string {
  const { match: _match, min: _min, max: _max, ...rest } = matcher;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function primary(constraint: Constraint): Json | undefined {
  return constraint.matchers.find((m) => kindOf(m) !== 'equality') ?? constraint.matchers[0];
}

function bound(constraint: Constraint, name: 'min' | 'max'): number | undefined {
  for (const matcher of constraint.matchers) {
    if (typeof matcher[name] === 'number') return matcher[name];
  }
  return undefined;
}

/** How each kind sits among the others: a kind accepts whatever the kinds it lists accept. */
const broader: Record<string, string[]> = {
  type: [
    'regex',
    'integer',
    'decimal',
    'number',
    'boolean',
    'date',
    'time',
    'timestamp',
    'include',
    'semver',
    'notEmpty',
    'values',
    'contentType',
  ],
  number: ['integer', 'decimal'],
  notEmpty: [],
};

function compareBounds(before: Constraint, after: Constraint): Comparison {
  const looser: boolean[] = [];
  const stricter: boolean[] = [];
  const minBefore = bound(before, 'min') ?? 0;
  const minAfter = bound(after, 'min') ?? 0;
  if (minAfter < minBefore) looser.push(true);
  if (minAfter > minBefore) stricter.push(true);
  const maxBefore = bound(before, 'max') ?? Number.POSITIVE_INFINITY;
  const maxAfter = bound(after, 'max') ?? Number.POSITIVE_INFINITY;
  if (maxAfter > maxBefore) looser.push(true);
  if (maxAfter < maxBefore) stricter.push(true);
  if (looser.length > 0 && stricter.length > 0) return 'different';
  if (looser.length > 0) return 'looser';
  if (stricter.length > 0) return 'stricter';
  return 'same';
}

/** Whether the values `after` accepts are the same as, more than, fewer than or other than `before`'s. */
export function compareConstraints(before: Constraint, after: Constraint): Comparison {
  const a = primary(before);
  const b = primary(after);
  if (!a && !b) return 'same';
  if (!a) return 'looser';
  if (!b) return 'stricter';
  if (before.matchers.length > 1 || after.matchers.length > 1) {
    return describeConstraint(before) === describeConstraint(after) ? 'same' : 'different';
  }
  const kindA = kindOf(a);
  const kindB = kindOf(b);
  if (kindA === kindB) {
    if (detailOf(a) !== detailOf(b)) {
      if (kindA === 'include' && typeof a.value === 'string' && typeof b.value === 'string') {
        if (a.value.includes(b.value)) return 'looser';
        if (b.value.includes(a.value)) return 'stricter';
      }
      return 'different';
    }
    return compareBounds(before, after);
  }
  if (kindA === 'equality') return 'looser';
  if (kindB === 'equality') return 'stricter';
  const bounds = compareBounds(before, after);
  if (broader[kindB]?.includes(kindA)) return bounds === 'stricter' || bounds === 'different' ? 'different' : 'looser';
  if (broader[kindA]?.includes(kindB)) return bounds === 'looser' || bounds === 'different' ? 'different' : 'stricter';
  return 'different';
}

function describeMatcher(matcher: Json): string {
  const kind = kindOf(matcher);
  const terms: string[] = [];
  if (kind === 'regex' && typeof matcher.regex === 'string') terms.push(`regex ${matcher.regex}`);
  else if (kind === 'include' && typeof matcher.value === 'string')
    terms.push(`include ${JSON.stringify(matcher.value)}`);
  else if (['date', 'time', 'timestamp'].includes(kind)) {
    const format = [matcher.format, matcher[kind], matcher.date, matcher.time, matcher.timestamp].find(
      (f) => typeof f === 'string',
    );
    terms.push(format ? `${kind} ${format}` : kind);
  } else if (kind === 'statusCode') terms.push(`status ${JSON.stringify(matcher.status)}`);
  else if (kind === 'equality') terms.push('equal to the example');
  else terms.push(kind);
  if (typeof matcher.min === 'number') terms.push(`min ${matcher.min}`);
  if (typeof matcher.max === 'number') terms.push(`max ${matcher.max}`);
  return terms.join(', ');
}

export function describeConstraint(constraint: Constraint): string {
  if (constraint.matchers.length === 0) return 'equal to the example';
  return constraint.matchers.map(describeMatcher).join(constraint.combine === 'OR' ? ' or ' : '; ');
}

/** Whether a value under this constraint must equal its example. */
export function requiresEquality(constraint: Constraint): boolean {
  const matcher = primary(constraint);
  return matcher === undefined || kindOf(matcher) === 'equality';
}

/**
 * A part of an interaction (request, response, message) as a flat map of fields, each with its JSON
 * type, its example and the constraint its matching rules put on it. Array items are merged under
 * `[*]`: a pact's arrays are templates, not lists to compare item by item.
 */
import { parseRulePath, type RuleToken, ruleCovers, type Segment } from '../lint/json-path.ts';
import type { Part, RuleCategory, RuleSet } from '../lint/pact-model.ts';
import { type Constraint, equality } from './constraints.ts';
import type { FieldArea, JsonType } from './types.ts';

export interface Field {
  area: FieldArea;
  /** See FieldChange.field. */
  name: string;
  type: JsonType;
  example: unknown;
  constraint: Constraint;
}

type Json = Record<string, unknown>;

export function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `['items', 0, 'id']` → `$.items[*].id`. */
function genericPath(segments: readonly Segment[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += '[*]';
    else if (identifier.test(segment)) path += `.${segment}`;
    else path += `['${segment.replaceAll("'", "\\'")}']`;
  }
  return path;
}

interface ParsedRule {
  set: RuleSet;
  tokens: RuleToken[];
}

function bodyRules(part: Part): ParsedRule[] {
  const parsed: ParsedRule[] = [];
  for (const set of part.rules) {
    if (set.category !== 'body') continue;
    const tokens = parseRulePath(set.key ?? '$');
    if (tokens) parsed.push({ set, tokens });
  }
  return parsed;
}

/** The most specific rule that names the location or an ancestor of it (Pact rules cascade). */
function bodyConstraint(rules: ParsedRule[], location: readonly Segment[]): Constraint {
  let best: { rule: ParsedRule; weight: number } | undefined;
  for (const rule of rules) {
    if (!ruleCovers(rule.tokens, location)) continue;
    // Longer paths are more specific; among equal lengths, named steps beat wildcards.
    const weight = rule.tokens.length * 2 + rule.tokens.filter((t) => t.kind !== 'any').length / 100;
    if (!best || weight > best.weight) best = { rule, weight };
  }
  if (!best) return equality;
  const inherited = best.rule.tokens.length < location.length;
  // A bound on an array (`min`) says how many items it has, not what its items hold.
  const matchers = best.rule.set.matchers
    .map(({ matcher }) => matcher)
    .map((matcher) =>
      inherited ? Object.fromEntries(Object.entries(matcher).filter(([k]) => k !== 'min' && k !== 'max')) : matcher,
    );
  return { matchers, combine: best.rule.set.combine };
}

function walkBody(value: unknown, segments: Segment[], rules: ParsedRule[], fields: Map<string, Field>): void {
  const name = genericPath(segments);
  const type = jsonType(value);
  if (!fields.has(name)) {
    const example = type === 'object' ? undefined : type === 'array' ? (value as unknown[]).length : value;
    fields.set(name, { area: 'body', name, type, example, constraint: bodyConstraint(rules, segments) });
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walkBody(item, [...segments, index], rules, fields);
    });
  } else if (isJson(value)) {
    for (const [key, item] of Object.entries(value)) walkBody(item, [...segments, key], rules, fields);
  }
}

function namedConstraint(part: Part, category: RuleCategory, key: string | undefined): Constraint {
  const lower = key?.toLowerCase();
  const set = part.rules.find(
    (r) => r.category === category && (lower === undefined ? true : r.key?.toLowerCase() === lower),
  );
  return set ? { matchers: set.matchers.map((m) => m.matcher), combine: set.combine } : equality;
}

function bodyContent(content: unknown, encoded: boolean): unknown {
  if (encoded || typeof content !== 'string') return content;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

/** The part's fields by `area name`. */
export function fieldsOf(part: Part): Map<string, Field> {
  const fields = new Map<string, Field>();
  const add = (field: Field) => fields.set(fieldKey(field), field);
  if (part.method !== undefined) {
    add({ area: 'method', name: '', type: 'string', example: part.method, constraint: equality });
  }
  if (part.path !== undefined) {
    add({
      area: 'path',
      name: '',
      type: 'string',
      example: part.path,
      constraint: namedConstraint(part, 'path', undefined),
    });
  }
  if (part.status !== undefined) {
    add({
      area: 'status',
      name: '',
      type: 'number',
      example: part.status,
      constraint: namedConstraint(part, 'status', undefined),
    });
  }
  for (const [name, values] of part.query) {
    add({
      area: 'query',
      name,
      type: 'string',
      example: values.join(','),
      constraint: namedConstraint(part, 'query', name),
    });
  }
  for (const header of part.headers.values()) {
    add({
      area: 'header',
      name: header.name,
      type: 'string',
      example: header.values.join(', '),
      constraint: namedConstraint(part, 'header', header.name),
    });
  }
  for (const [name, value] of Object.entries(part.metadata)) {
    add({
      area: 'metadata',
      name,
      type: jsonType(value),
      example: value,
      constraint: namedConstraint(part, 'metadata', name),
    });
  }
  if (part.body.contentType !== undefined) {
    add({ area: 'content-type', name: '', type: 'string', example: part.body.contentType, constraint: equality });
  }
  if (part.body.present) {
    const body = new Map<string, Field>();
    walkBody(bodyContent(part.body.content, part.body.encoded), [], bodyRules(part), body);
    for (const field of body.values()) add(field);
  }
  return fields;
}

/** Fields keyed without case for headers (HTTP header names are case-insensitive). */
export function fieldKey(field: Field): string {
  return field.area === 'header' ? `header ${field.name.toLowerCase()}` : `${field.area} ${field.name}`;
}

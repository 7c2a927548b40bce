/**
 * One view of a schema-valid pact, whatever its specification version: interactions made of parts
 * (a request, a response, a message), each with its body, headers, matching rules and generators,
 * and where each of them sits in the file.
 */
import type { Segment } from './json-path.ts';
import type { PactVersion } from './schemas/validate.ts';

type Json = Record<string, unknown>;

export type RuleCategory = 'method' | 'path' | 'query' | 'header' | 'body' | 'status' | 'metadata';

export interface MatcherAt {
  matcher: Json;
  at: Segment[];
}

export interface RuleSet {
  category: RuleCategory;
  /** The header, query parameter or metadata name, or the body path (`$.items[*].id`); undefined for path/status/method. */
  key: string | undefined;
  combine: 'AND' | 'OR';
  matchers: MatcherAt[];
  at: Segment[];
}

export interface GeneratorAt {
  category: string;
  key: string | undefined;
  generator: Json;
  at: Segment[];
}

export interface PartBody {
  present: boolean;
  content: unknown;
  /** Where the content sits in the file. */
  at: Segment[];
  /** Where a missing content type belongs. */
  declaredAt: Segment[];
  /** The body's own content type (V4 `contentType`). */
  contentType: string | undefined;
  /** Base64 or otherwise encoded content: not JSON to look into. */
  encoded: boolean;
}

export interface Header {
  name: string;
  values: string[];
  at: Segment[];
}

export interface Part {
  role: 'request' | 'response' | 'message';
  /** How a person names it: "request", "response", "response[1]", "message". */
  label: string;
  at: Segment[];
  method?: string;
  path?: string;
  status?: number;
  query: Map<string, string[]>;
  /** By lower-case name. */
  headers: Map<string, Header>;
  metadata: Json;
  metadataAt: Segment[];
  body: PartBody;
  rules: RuleSet[];
  generators: GeneratorAt[];
}

export interface ProviderStateRef {
  name: string;
  params: Json | undefined;
  at: Segment[];
}

export interface Interaction {
  index: number;
  description: string;
  at: Segment[];
  kind: 'http' | 'message' | 'sync-message';
  states: ProviderStateRef[];
  parts: Part[];
}

export interface PactModel {
  version: PactVersion;
  interactions: Interaction[];
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asJson(value: unknown): Json {
  return isJson(value) ? value : {};
}

function normaliseCategory(name: string): RuleCategory | undefined {
  const lower = name.toLowerCase();
  if (lower === 'headers') return 'header';
  if (lower === 'contents' || lower === 'content') return 'body';
  return (['method', 'path', 'query', 'header', 'body', 'status', 'metadata'] as const).find((c) => c === lower);
}

function ruleSet(category: RuleCategory, key: string | undefined, list: Json, at: Segment[]): RuleSet {
  const matchers = Array.isArray(list.matchers) ? list.matchers : [];
  return {
    category,
    key,
    combine: list.combine === 'OR' ? 'OR' : 'AND',
    matchers: matchers.map((matcher, i) => ({ matcher: asJson(matcher), at: [...at, 'matchers', i] })),
    at,
  };
}

function rulesV3(matchingRules: unknown, at: Segment[]): RuleSet[] {
  const sets: RuleSet[] = [];
  for (const [name, value] of Object.entries(asJson(matchingRules))) {
    const category = normaliseCategory(name);
    if (!category || !isJson(value)) continue;
    if (Array.isArray(value.matchers)) {
      sets.push(ruleSet(category, undefined, value, [...at, name]));
      continue;
    }
    for (const [key, list] of Object.entries(value)) {
      if (isJson(list)) sets.push(ruleSet(category, key, list, [...at, name, key]));
    }
  }
  return sets;
}

/** V2 matchers may leave `match` out: a `regex` makes a regex matcher, `min`/`max` a type matcher. */
function v2Matcher(matcher: Json): Json {
  if (matcher.match !== undefined) return matcher;
  return 'regex' in matcher ? { match: 'regex', ...matcher } : { match: 'type', ...matcher };
}

/** Where a V2 rule applies: `$.body…`, `$.headers.<name>`, `$.query.<name>` or `$.path`. */
function v2Target(expression: string): [RuleCategory, string | undefined] | undefined {
  if (expression === '$.path') return ['path', undefined];
  if (expression === '$.body' || /^\$\.body[.[]/.test(expression)) {
    return ['body', `$${expression.slice('$.body'.length)}`];
  }
  const named = /^\$\.(headers|query)(?:\.(.+)|\['(.+)'\])$/.exec(expression);
  return named ? [named[1] === 'headers' ? 'header' : 'query', named[2] ?? named[3]] : undefined;
}

/** V2: one flat map, e.g. `{ "$.body.id": { "match": "type" }, "$.headers.Accept": { "regex": "…" } }`. */
function rulesV2(matchingRules: unknown, at: Segment[]): RuleSet[] {
  const sets: RuleSet[] = [];
  for (const [expression, matcher] of Object.entries(asJson(matchingRules))) {
    const target = v2Target(expression);
    if (!target) continue;
    const ruleAt = [...at, expression];
    sets.push({
      category: target[0],
      key: target[1],
      combine: 'AND',
      matchers: [{ matcher: v2Matcher(asJson(matcher)), at: ruleAt }],
      at: ruleAt,
    });
  }
  return sets;
}

function generatorsOf(generators: unknown, at: Segment[]): GeneratorAt[] {
  const found: GeneratorAt[] = [];
  for (const [category, value] of Object.entries(asJson(generators))) {
    if (!isJson(value)) continue;
    if (typeof value.type === 'string') {
      found.push({ category, key: undefined, generator: value, at: [...at, category] });
      continue;
    }
    for (const [key, generator] of Object.entries(value)) {
      if (isJson(generator)) found.push({ category, key, generator, at: [...at, category, key] });
    }
  }
  return found;
}

function headersOf(headers: unknown, at: Segment[]): Map<string, Header> {
  const map = new Map<string, Header>();
  for (const [name, value] of Object.entries(asJson(headers))) {
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    map.set(name.toLowerCase(), { name, values, at: [...at, name] });
  }
  return map;
}

function queryOf(query: unknown): Map<string, string[]> {
  if (typeof query === 'string') {
    const map = new Map<string, string[]>();
    for (const [name, value] of new URLSearchParams(query)) map.set(name, [...(map.get(name) ?? []), value]);
    return map;
  }
  return new Map(
    Object.entries(asJson(query)).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map(String) : [String(value)],
    ]),
  );
}

/** V2/V3 bodies are the content itself; `null` and absent both mean no body. */
function plainBody(value: unknown, at: Segment[]): PartBody {
  return {
    present: value !== undefined && value !== null,
    content: value,
    at,
    declaredAt: at,
    contentType: undefined,
    encoded: false,
  };
}

/** V4 bodies: `{ content, contentType, encoded }`. */
function v4Body(value: unknown, at: Segment[]): PartBody {
  const body = asJson(value);
  const content = body.content;
  return {
    present: content !== undefined && content !== null && content !== '',
    content,
    at: [...at, 'content'],
    declaredAt: at,
    contentType: typeof body.contentType === 'string' ? body.contentType : undefined,
    encoded: body.encoded !== undefined && body.encoded !== false,
  };
}

interface PartInput {
  role: Part['role'];
  label: string;
  at: Segment[];
  json: Json;
  version: PactVersion;
  body: PartBody;
  metadata?: Json;
}

function part({ role, label, at, json, version, body, metadata }: PartInput): Part {
  return {
    role,
    label,
    at,
    ...(typeof json.method === 'string' ? { method: json.method.toUpperCase() } : {}),
    ...(typeof json.path === 'string' ? { path: json.path } : {}),
    ...(typeof json.status === 'number' ? { status: json.status } : {}),
    query: queryOf(json.query),
    headers: headersOf(json.headers, [...at, 'headers']),
    metadata: metadata ?? {},
    metadataAt: [...at, json.metaData !== undefined && json.metadata === undefined ? 'metaData' : 'metadata'],
    body,
    rules:
      version === 2
        ? rulesV2(json.matchingRules, [...at, 'matchingRules'])
        : rulesV3(json.matchingRules, [...at, 'matchingRules']),
    generators: generatorsOf(json.generators, [...at, 'generators']),
  };
}

function statesOf(json: Json, at: Segment[]): ProviderStateRef[] {
  if (typeof json.providerState === 'string' && json.providerState !== '') {
    return [{ name: json.providerState, params: undefined, at: [...at, 'providerState'] }];
  }
  if (!Array.isArray(json.providerStates)) return [];
  return json.providerStates.map((state, i) => {
    const s = asJson(state);
    return {
      name: String(s.name),
      params: isJson(s.params) ? s.params : undefined,
      at: [...at, 'providerStates', i, 'name'],
    };
  });
}

function httpInteraction(json: Json, at: Segment[], version: PactVersion): Part[] {
  const body = version === 4 ? v4Body : plainBody;
  const request = asJson(json.request);
  const response = asJson(json.response);
  return [
    part({
      role: 'request',
      label: 'request',
      at: [...at, 'request'],
      json: request,
      version,
      body: body(request.body, [...at, 'request', 'body']),
    }),
    part({
      role: 'response',
      label: 'response',
      at: [...at, 'response'],
      json: response,
      version,
      body: body(response.body, [...at, 'response', 'body']),
    }),
  ];
}

function messageMetadata(json: Json): Json {
  return asJson(json.metadata ?? json.metaData);
}

function interactionOf(json: Json, at: Segment[], index: number, version: PactVersion, message: boolean): Interaction {
  const base = { index, description: String(json.description), at, states: statesOf(json, at) };
  if (message) {
    const body = plainBody(json.contents, [...at, 'contents']);
    return {
      ...base,
      kind: 'message',
      parts: [part({ role: 'message', label: 'message', at, json, version, body, metadata: messageMetadata(json) })],
    };
  }
  if (version < 4 || json.type === 'Synchronous/HTTP') {
    return { ...base, kind: 'http', parts: httpInteraction(json, at, version) };
  }
  if (json.type === 'Asynchronous/Messages') {
    const body = v4Body(json.contents, [...at, 'contents']);
    return {
      ...base,
      kind: 'message',
      parts: [part({ role: 'message', label: 'message', at, json, version, body, metadata: messageMetadata(json) })],
    };
  }
  const request = asJson(json.request);
  const responses = Array.isArray(json.response) ? json.response.map(asJson) : [];
  const messagePart = (role: Part['role'], label: string, partAt: Segment[], contents: Json) =>
    part({
      role,
      label,
      at: partAt,
      json: contents,
      version,
      body: v4Body(contents.contents, [...partAt, 'contents']),
      metadata: messageMetadata(contents),
    });
  return {
    ...base,
    kind: 'sync-message',
    parts: [
      messagePart('request', 'request', [...at, 'request'], request),
      ...responses.map((response, i) => messagePart('response', `response[${i}]`, [...at, 'response', i], response)),
    ],
  };
}

/** The model of a pact that passed its schema. */
export function modelPact(pact: Json, version: PactVersion): PactModel {
  const interactions = (Array.isArray(pact.interactions) ? pact.interactions : []).map((json, i) =>
    interactionOf(asJson(json), ['interactions', i], i, version, false),
  );
  const messages = (Array.isArray(pact.messages) ? pact.messages : []).map((json, i) =>
    interactionOf(asJson(json), ['messages', i], interactions.length + i, version, true),
  );
  return { version, interactions: [...interactions, ...messages] };
}

/** The content type a part declares in each place it can, with where. */
export function declaredContentTypes(part: Part): { value: string; at: Segment[]; source: string }[] {
  const declared: { value: string; at: Segment[]; source: string }[] = [];
  if (part.body.contentType !== undefined) {
    declared.push({
      value: part.body.contentType,
      at: [...part.body.declaredAt, 'contentType'],
      source: 'contentType',
    });
  }
  const header = part.headers.get('content-type');
  if (header?.values[0] !== undefined) {
    declared.push({ value: header.values[0], at: header.at, source: 'the Content-Type header' });
  }
  for (const [key, value] of Object.entries(part.metadata)) {
    const lower = key.toLowerCase();
    if ((lower === 'contenttype' || lower === 'content-type') && typeof value === 'string') {
      declared.push({ value, at: [...part.metadataAt, key], source: `metadata ${key}` });
    }
  }
  return declared;
}

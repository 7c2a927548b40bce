/**
 * A pact file of any specification (V2 to V4, HTTP interactions and messages) read into one shape for the
 * viewer and the diff: each interaction's request, response, provider states and the matchers on each field.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSONPath-ish path to a field, `*` matching any key or index. */
export type Path = (string | number)[];

export interface MatcherRule {
  /** Where in the part, e.g. ["items", "*", "id"]; empty for the part itself (a header value, the path). */
  path: Path;
  /** "type", "regex /^\d+$/", "integer", "min 1"… */
  description: string;
}

export interface Part {
  headers: Record<string, string>;
  body: Json | undefined;
  /** The body is text that is not JSON (form, XML, plain). */
  bodyText?: string;
  rules: Record<'body' | 'header' | 'query' | 'path' | 'status' | 'metadata', MatcherRule[]>;
  /** The body's content type, when the pact says (V4 bodies and message contents). */
  contentType?: string;
}

/** A message: its contents as a part, and the metadata sent beside them (routing key, content type…). */
export interface MessagePart extends Part {
  metadata: Record<string, Json>;
}

export interface ProviderState {
  name: string;
  params?: Record<string, Json>;
}

export interface Interaction {
  id: string | undefined;
  key: string | undefined;
  description: string;
  type: string;
  providerStates: ProviderState[];
  pending: boolean;
  request?: Part & { method: string; path: string; query: string };
  response?: Part & { status: number | undefined };
  /** For messages: the message contents and metadata. */
  contents?: MessagePart;
}

export interface PactModel {
  consumer: string;
  provider: string;
  specification: string;
  interactions: Interaction[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `$.a.b[*]['c d'][0]` → ["a", "b", "*", "c d", 0]. */
export function parsePath(expression: string): Path {
  const path: Path = [];
  const re = /\.([^.[\]]+)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\[\s*(\*|\d+)\s*\]/g;
  const body = expression.startsWith('$') ? expression.slice(1) : expression;
  for (const m of body.matchAll(re)) {
    if (m[1] !== undefined) path.push(m[1]);
    else if (m[2] !== undefined) path.push(m[2]);
    else if (m[3] !== undefined) path.push(m[3]);
    else if (m[4] !== undefined) path.push(m[4] === '*' ? '*' : Number(m[4]));
  }
  return path;
}

/** Whether a rule's path names this field (`*` stands for any key or index). */
export function pathMatches(rule: Path, field: Path): boolean {
  if (rule.length !== field.length) return false;
  return rule.every((segment, i) => segment === '*' || String(segment) === String(field[i]));
}

function describeMatcher(matcher: Record<string, unknown>): string {
  const kind = str(matcher.match) ?? (matcher.regex !== undefined ? 'regex' : 'equality');
  const extras: string[] = [];
  if (matcher.regex !== undefined) extras.push(`/${String(matcher.regex)}/`);
  if (matcher.min !== undefined) extras.push(`min ${String(matcher.min)}`);
  if (matcher.max !== undefined) extras.push(`max ${String(matcher.max)}`);
  for (const key of ['format', 'date', 'time', 'timestamp', 'value', 'status']) {
    if (matcher[key] !== undefined && key !== 'match') extras.push(`${key} ${JSON.stringify(matcher[key])}`);
  }
  return [kind, ...extras].join(' ');
}

/** V3/V4 `{ "$.id": { matchers: [...] } }` or V2 `{ "$.body.id": {...} }` into rules per category. */
function readRules(rules: unknown): Part['rules'] {
  const out: Part['rules'] = { body: [], header: [], query: [], path: [], status: [], metadata: [] };
  if (!isObject(rules)) return out;
  const add = (category: string, path: Path, entry: unknown) => {
    const target = category === 'headers' ? out.header : (out as Record<string, MatcherRule[]>)[category];
    if (!target || !isObject(entry)) return;
    const matchers = Array.isArray(entry.matchers) ? entry.matchers : [entry];
    const combine = str(entry.combine);
    const texts = matchers.filter(isObject).map(describeMatcher);
    if (texts.length > 0) target.push({ path, description: texts.join(combine === 'OR' ? ' or ' : ' and ') });
  };
  for (const [key, value] of Object.entries(rules)) {
    if (key.startsWith('$')) {
      // V2: "$.body.x", "$.headers.Accept", "$.query.q", "$.path"
      const [category, ...path] = parsePath(key);
      if (typeof category === 'string') add(category, path, value);
      continue;
    }
    if (!isObject(value)) continue;
    if (key === 'path' && (Array.isArray(value.matchers) || value.match !== undefined)) {
      add('path', [], value);
      continue;
    }
    for (const [expression, entry] of Object.entries(value)) {
      const path = key === 'header' || key === 'query' || key === 'metadata' ? [expression] : parsePath(expression);
      add(key, path, entry);
    }
  }
  return out;
}

function readBody(body: unknown): { body: Json | undefined; bodyText?: string; contentType?: string } {
  // V4 bodies: { content, contentType, encoded }
  if (isObject(body) && 'content' in body && ('contentType' in body || 'encoded' in body)) {
    const content = body.content as Json;
    const contentType = str(body.contentType);
    if (typeof content === 'string' && body.encoded) {
      return {
        body: undefined,
        bodyText: `(${String(body.encoded)} encoded, ${content.length} characters)`,
        ...(contentType ? { contentType } : {}),
      };
    }
    if (typeof content === 'string' && contentType && !contentType.includes('json')) {
      return { body: undefined, bodyText: content, contentType };
    }
    return { body: content, ...(contentType ? { contentType } : {}) };
  }
  return { body: body as Json | undefined };
}

function readHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!isObject(headers)) return out;
  for (const [name, value] of Object.entries(headers))
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

function readQuery(query: unknown): string {
  if (typeof query === 'string') return query;
  if (!isObject(query)) return '';
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(query)) {
    for (const value of Array.isArray(values) ? values : [values]) params.append(name, String(value));
  }
  return params.toString();
}

function readPart(part: Record<string, unknown>, v2Rules: unknown): Part {
  const { body, bodyText, contentType } = readBody(part.body ?? part.contents);
  return {
    headers: readHeaders(part.headers),
    body,
    ...(bodyText !== undefined ? { bodyText } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    rules: readRules(part.matchingRules ?? v2Rules),
  };
}

function readMessage(item: Record<string, unknown>): MessagePart {
  const part = readPart(item, item.matchingRules);
  const metadata: Record<string, Json> = Object.create(null);
  if (isObject(item.metadata))
    for (const [name, value] of Object.entries(item.metadata)) metadata[name] = value as Json;
  const contentType = part.contentType ?? str(metadata.contentType) ?? str(metadata['content-type']);
  return { ...part, ...(contentType !== undefined ? { contentType } : {}), metadata };
}

function readStates(interaction: Record<string, unknown>): ProviderState[] {
  if (Array.isArray(interaction.providerStates)) {
    return interaction.providerStates.filter(isObject).map((s) => ({
      name: String(s.name ?? ''),
      ...(isObject(s.params) ? { params: s.params as Record<string, Json> } : {}),
    }));
  }
  const single = str(interaction.providerState) ?? str(interaction.provider_state);
  return single ? [{ name: single }] : [];
}

export function readPact(content: string): PactModel {
  const pact = JSON.parse(content) as Record<string, unknown>;
  const metadata = isObject(pact.metadata) ? pact.metadata : {};
  const spec = isObject(metadata.pactSpecification)
    ? str(metadata.pactSpecification.version)
    : isObject(metadata['pact-specification'])
      ? str((metadata['pact-specification'] as Record<string, unknown>).version)
      : undefined;
  const items = [
    ...(Array.isArray(pact.interactions) ? pact.interactions : []),
    ...(Array.isArray(pact.messages)
      ? pact.messages.map((m) => (isObject(m) ? { type: 'Asynchronous/Messages', ...m } : m))
      : []),
  ].filter(isObject);
  const interactions = items.map((item): Interaction => {
    const base = {
      id: str(item._id),
      key: str(item.key),
      description: String(item.description ?? ''),
      type: str(item.type) ?? 'Synchronous/HTTP',
      providerStates: readStates(item),
      pending: item.pending === true,
    };
    if (isObject(item.request) || isObject(item.response)) {
      const request = isObject(item.request) ? item.request : {};
      const response = isObject(item.response) ? item.response : {};
      // V2 keeps the rules beside the body, keyed "$.body…".
      return {
        ...base,
        request: {
          ...readPart(request, request.matchingRules),
          method: String(request.method ?? 'GET').toUpperCase(),
          path: String(request.path ?? '/'),
          query: readQuery(request.query),
        },
        response: {
          ...readPart(response, response.matchingRules),
          status: typeof response.status === 'number' ? response.status : undefined,
        },
      };
    }
    return { ...base, contents: readMessage(item) };
  });
  return {
    consumer: isObject(pact.consumer) ? String(pact.consumer.name ?? '') : '',
    provider: isObject(pact.provider) ? String(pact.provider.name ?? '') : '',
    specification: spec ?? 'unknown',
    interactions,
  };
}

export interface InteractionResult {
  success: boolean;
  mismatches: string[];
}

/**
 * The verifier's per-interaction outcome from a verification's `testResults`: the Rust verifier's list of
 * `{ interactionId, success, mismatches }`, or the Ruby verifier's `{ tests: [{ testDescription, status }] }`.
 */
export function resultsByInteraction(
  testResults: unknown,
  interactions: Interaction[],
): Map<Interaction, InteractionResult> {
  const out = new Map<Interaction, InteractionResult>();
  const list = Array.isArray(testResults)
    ? testResults
    : isObject(testResults) && Array.isArray(testResults.tests)
      ? testResults.tests
      : [];
  for (const entry of list.filter(isObject)) {
    const id = str(entry.interactionId);
    const description = str(entry.interactionDescription) ?? str(entry.testDescription) ?? str(entry.description);
    const target =
      (id && interactions.find((i) => i.id === id || i.key === id)) ||
      (description && interactions.find((i) => description.includes(i.description)));
    if (!target) continue;
    const success = typeof entry.success === 'boolean' ? entry.success : entry.status === 'passed';
    const mismatches = (Array.isArray(entry.mismatches) ? entry.mismatches : []).map((m) =>
      isObject(m) ? (str(m.description) ?? str(m.mismatch) ?? JSON.stringify(m)) : String(m),
    );
    out.set(target, { success, mismatches });
  }
  return out;
}

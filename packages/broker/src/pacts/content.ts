import { createHash } from 'node:crypto';

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The canonical JSON text of a value: every object's keys sorted, no whitespace — what pact versions have always
 * been identified by, so stored SHAs stay valid. JSON.stringify with a replacer that hands it key-sorted copies is
 * the fastest way to get it (four times a hand-written serialiser); integer-like keys come first, numerically, as
 * they do in every JavaScript object. `skip` leaves out one top-level key (the broker's `_id`).
 */
export function canonicalJson(value: Json, skip?: string): string {
  let top = true;
  return JSON.stringify(value, (_key, member: unknown) => {
    const isTop = top;
    top = false;
    if (typeof member !== 'object' || member === null || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(member).sort()) {
      if (!(isTop && key === skip)) sorted[key] = (member as Record<string, unknown>)[key];
    }
    return sorted;
  });
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function withoutId(item: Json): Json {
  if (!isJsonObject(item) || !Object.hasOwn(item, '_id')) return item;
  const rest: JsonObject = Object.create(null);
  for (const key of Object.keys(item)) if (key !== '_id') rest[key] = item[key] as Json;
  return rest;
}

function items(pact: JsonObject, key: 'interactions' | 'messages'): Json[] | undefined {
  const list = Object.hasOwn(pact, key) ? pact[key] : undefined;
  return Array.isArray(list) ? list : undefined;
}

const own = (object: JsonObject, key: string): Json | undefined =>
  Object.hasOwn(object, key) ? object[key] : undefined;

export function specificationVersion(pact: JsonObject): string | undefined {
  const metadata = own(pact, 'metadata');
  if (!isJsonObject(metadata)) return undefined;
  for (const key of ['pactSpecification', 'pact-specification', 'pact_specification']) {
    const spec = own(metadata, key);
    const version = isJsonObject(spec) ? own(spec, 'version') : undefined;
    if (typeof version === 'string') return version;
  }
  const legacy = own(metadata, 'pactSpecificationVersion');
  return typeof legacy === 'string' ? legacy : undefined;
}

/** A pact ready to store: its content SHA and the JSON text kept, each interaction carrying its `_id`. */
export interface PreparedPact {
  sha: string;
  content: string;
}

/**
 * Identifies and stores a pact in one pass over its interactions: each one's canonical text gives both its `_id`
 * and its part of the SHA (see contentSha).
 */
export function preparePact(pact: JsonObject): PreparedPact {
  const stored: JsonObject = Object.create(null);
  for (const key of Object.keys(pact)) stored[key] = pact[key] as Json;
  const parts: string[] = [];
  for (const key of ['interactions', 'messages'] as const) {
    const list = items(pact, key);
    if (!list) continue;
    const canonical = list.map((item) => canonicalJson(item, '_id'));
    parts.push(`${JSON.stringify(key)}:[${[...canonical].sort().join(',')}]`);
    stored[key] = list.map((item, index) => {
      const bare = withoutId(item);
      if (!isJsonObject(bare)) return bare;
      const withId: JsonObject = Object.create(null);
      withId._id = sha1(canonical[index] as string);
      for (const field of Object.keys(bare)) withId[field] = bare[field] as Json;
      return withId;
    });
  }
  // A document with neither list has nothing a verifier reads: as the real broker does, all of it counts.
  if (parts.length === 0) return { sha: sha1(canonicalJson(pact)), content: JSON.stringify(stored) };
  parts.push(`"pact_specification_version":${JSON.stringify(specificationVersion(pact) ?? null)}`);
  return { sha: sha1(`{${parts.join(',')}}`), content: JSON.stringify(stored) };
}

/**
 * The SHA1 that identifies a pact version. Only what affects verification counts: interactions and messages
 * (order-insensitive, key-order-insensitive, broker `_id`s removed) and the specification version; names and
 * other metadata do not, so a republished pact whose library version changed is still the same pact version.
 * A document with neither interactions nor messages is identified by all of its content.
 */
export function contentSha(pact: JsonObject): string {
  return preparePact(pact).sha;
}

/** Each interaction and message gets `_id` (the SHA1 of its canonical content) as its first key. */
export function withInteractionIds(pact: JsonObject): JsonObject {
  return JSON.parse(preparePact(pact).content) as JsonObject;
}

function interactionKey(item: Json): string {
  if (!isJsonObject(item)) return JSON.stringify(item);
  const states = own(item, 'providerStates') ?? own(item, 'providerState') ?? own(item, 'provider_state') ?? null;
  return JSON.stringify([own(item, 'type') ?? null, own(item, 'description') ?? null, canonicalJson(states)]);
}

const REQUEST_PARTS = ['method', 'path', 'query', 'body', 'headers'];

function sameRequest(a: Json, b: Json): boolean {
  const request = (item: Json) => (isJsonObject(item) && isJsonObject(item.request) ? item.request : {});
  const [ra, rb] = [request(a), request(b)];
  return REQUEST_PARTS.every((part) => canonicalJson(own(ra, part) ?? null) === canonicalJson(own(rb, part) ?? null));
}

/**
 * The interactions a merge would replace with a different request (same description and provider states): the
 * real broker's merge refuses these as conflicts. A changed response is not a conflict; it replaces the old one.
 */
export function mergeConflicts(existing: JsonObject, incoming: JsonObject): string[] {
  const before = new Map((items(existing, 'interactions') ?? []).map((item) => [interactionKey(item), item]));
  return (items(incoming, 'interactions') ?? [])
    .filter((item) => {
      const old = before.get(interactionKey(item));
      return old !== undefined && !sameRequest(old, item);
    })
    .map(describe);
}

/** `onConflict: merge`: interactions of the incoming pact replace those with the same description and states. */
export function mergePacts(existing: JsonObject, incoming: JsonObject): JsonObject {
  const merged: JsonObject = Object.create(null);
  for (const source of [existing, incoming]) for (const key of Object.keys(source)) merged[key] = source[key] as Json;
  for (const key of ['interactions', 'messages'] as const) {
    const before = items(existing, key);
    const after = items(incoming, key);
    if (!before && !after) continue;
    const byKey = new Map<string, Json>();
    for (const item of before ?? []) byKey.set(interactionKey(item), withoutId(item));
    for (const item of after ?? []) byKey.set(interactionKey(item), withoutId(item));
    merged[key] = [...byKey.values()];
  }
  return merged;
}

function describe(item: Json): string {
  if (!isJsonObject(item)) return JSON.stringify(item);
  const description = own(item, 'description');
  return typeof description === 'string' ? description : canonicalJson(item);
}

/** A short, line-based summary of how two pacts' interactions differ, for the 409 notice. */
export function describeDifference(existing: JsonObject, incoming: JsonObject): string {
  const lines: string[] = [];
  for (const key of ['interactions', 'messages'] as const) {
    const before = new Map((items(existing, key) ?? []).map((i) => [interactionKey(i), withoutId(i)] as const));
    const after = new Map((items(incoming, key) ?? []).map((i) => [interactionKey(i), withoutId(i)] as const));
    for (const [k, item] of before) {
      if (!after.has(k)) lines.push(`- ${describe(item)}`);
      else if (canonicalJson(item) !== canonicalJson(after.get(k) as Json)) lines.push(`~ ${describe(item)}`);
    }
    for (const [k, item] of after) if (!before.has(k)) lines.push(`+ ${describe(item)}`);
  }
  return lines.length === 0 ? 'The specification version changed' : `Interactions changed:\n${lines.join('\n')}`;
}

/**
 * Stored JSON object text with more members set, without parsing it: `{"a":1}` and `{ b: 2 }` give
 * `{"a":1,"b":2}`. Members already in the text that `extra` also sets are overridden (a JSON reader keeps the
 * last of duplicate keys), as `{ ...stored, ...extra }` would.
 */
export function withMembers(objectText: string, extra: Record<string, unknown>): string {
  const close = objectText.lastIndexOf('}');
  const head = objectText.slice(0, close).trimEnd();
  const added = JSON.stringify(extra).slice(1, -1);
  if (added === '') return objectText;
  return `${head}${head.endsWith('{') ? '' : ','}${added}}`;
}

import { createHash } from 'node:crypto';

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy with every object's keys in code-point order, so equal content serialises equally. */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key] as Json);
  return sorted;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function withoutId(item: Json): Json {
  if (!isJsonObject(item) || !('_id' in item)) return item;
  const { _id, ...rest } = item;
  return rest;
}

function items(pact: JsonObject, key: 'interactions' | 'messages'): Json[] | undefined {
  const list = pact[key];
  return Array.isArray(list) ? list : undefined;
}

export function specificationVersion(pact: JsonObject): string | undefined {
  const metadata = pact.metadata;
  if (!isJsonObject(metadata)) return undefined;
  for (const key of ['pactSpecification', 'pact-specification', 'pact_specification']) {
    const spec = metadata[key];
    if (isJsonObject(spec) && typeof spec.version === 'string') return spec.version;
  }
  const legacy = metadata.pactSpecificationVersion;
  return typeof legacy === 'string' ? legacy : undefined;
}

/**
 * The SHA1 that identifies a pact version. Only what affects verification counts: interactions and messages
 * (order-insensitive, key-order-insensitive, broker `_id`s removed) and the specification version; names and
 * other metadata do not, so a republished pact whose library version changed is still the same pact version.
 */
export function contentSha(pact: JsonObject): string {
  const normalised: JsonObject = {};
  for (const key of ['interactions', 'messages'] as const) {
    const list = items(pact, key);
    if (!list) continue;
    normalised[key] = list
      .map((item) => JSON.stringify(sortKeys(withoutId(item))))
      .sort()
      .map((text) => JSON.parse(text) as Json);
  }
  normalised.pact_specification_version = specificationVersion(pact) ?? null;
  return sha1(JSON.stringify(normalised));
}

/** Each interaction and message gets `_id` (the SHA1 of its ordered content) as its first key. */
export function withInteractionIds(pact: JsonObject): JsonObject {
  const result: JsonObject = { ...pact };
  for (const key of ['interactions', 'messages'] as const) {
    const list = items(pact, key);
    if (!list) continue;
    result[key] = list.map((item) => {
      const bare = withoutId(item);
      if (!isJsonObject(bare)) return bare;
      return { _id: sha1(JSON.stringify(sortKeys(bare))), ...bare };
    });
  }
  return result;
}

function interactionKey(item: Json): string {
  if (!isJsonObject(item)) return JSON.stringify(item);
  const states = item.providerStates ?? item.providerState ?? item.provider_state ?? null;
  return JSON.stringify([item.type ?? null, item.description ?? null, sortKeys(states)]);
}

/** `onConflict: merge`: interactions of the incoming pact replace those with the same description and states. */
export function mergePacts(existing: JsonObject, incoming: JsonObject): JsonObject {
  const merged: JsonObject = { ...existing, ...incoming };
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
  return typeof item.description === 'string' ? item.description : JSON.stringify(sortKeys(item));
}

/** A short, line-based summary of how two pacts' interactions differ, for the 409 notice. */
export function describeDifference(existing: JsonObject, incoming: JsonObject): string {
  const lines: string[] = [];
  for (const key of ['interactions', 'messages'] as const) {
    const before = new Map((items(existing, key) ?? []).map((i) => [interactionKey(i), withoutId(i)] as const));
    const after = new Map((items(incoming, key) ?? []).map((i) => [interactionKey(i), withoutId(i)] as const));
    for (const [k, item] of before) {
      if (!after.has(k)) lines.push(`- ${describe(item)}`);
      else if (JSON.stringify(sortKeys(item)) !== JSON.stringify(sortKeys(after.get(k) as Json))) {
        lines.push(`~ ${describe(item)}`);
      }
    }
    for (const [k, item] of after) if (!before.has(k)) lines.push(`+ ${describe(item)}`);
  }
  return lines.length === 0 ? 'The specification version changed' : `Interactions changed:\n${lines.join('\n')}`;
}

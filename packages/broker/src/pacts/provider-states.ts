import { isJsonObject, type JsonObject } from './content.ts';

export interface ProviderState {
  name: string;
  params?: JsonObject;
  consumers: string[];
}

/** A provider state's identity: its name and, when it has them, its params with keys in order. */
function keyOf(name: string, params: JsonObject | undefined): string {
  if (params === undefined) return JSON.stringify([name]);
  const ordered = Object.fromEntries(
    Object.keys(params)
      .sort()
      .map((k) => [k, params[k]]),
  );
  return JSON.stringify([name, ordered]);
}

/** The states one pact's interactions (v2 `providerState`, v3+ `providerStates`) and messages need. */
function statesOf(content: unknown): { name: string; params?: JsonObject }[] {
  if (!isJsonObject(content)) return [];
  const items = [content.interactions, content.messages].flatMap((list) => (Array.isArray(list) ? list : []));
  return items.flatMap((item) => {
    if (!isJsonObject(item)) return [];
    if (typeof item.providerState === 'string' && item.providerState !== '') return [{ name: item.providerState }];
    if (!Array.isArray(item.providerStates)) return [];
    return item.providerStates.flatMap((state) =>
      isJsonObject(state) && typeof state.name === 'string'
        ? [{ name: state.name, ...(isJsonObject(state.params) ? { params: state.params } : {}) }]
        : [],
    );
  });
}

/**
 * The provider states the given pacts need, each once (same name and params), with the consumers that need it;
 * sorted by name, consumers by name.
 */
export function collectProviderStates(pacts: { consumerName: string; content: unknown }[]): ProviderState[] {
  const byKey = new Map<string, ProviderState>();
  for (const pact of pacts) {
    for (const state of statesOf(pact.content)) {
      const key = keyOf(state.name, state.params);
      const entry = byKey.get(key) ?? {
        name: state.name,
        ...(state.params ? { params: state.params } : {}),
        consumers: [],
      };
      if (!entry.consumers.includes(pact.consumerName)) entry.consumers.push(pact.consumerName);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map((s) => ({ ...s, consumers: [...s.consumers].sort() }))
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : keyOf(a.name, a.params) < keyOf(b.name, b.params) ? -1 : 1,
    );
}

const IGNORED_WORDS = new Set(['api', 'provider', 'service']);

/** A name's words, lower case, split at spaces, underscores, hyphens and camel-case humps. */
function words(name: string): string[] {
  return name
    .replace(/\s/g, '_')
    .replace(/::/g, '/')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase()
    .split('_')
    .filter((word) => word !== '');
}

function essence(name: string): string {
  return words(name)
    .map((word) => (word.endsWith('s') ? word.slice(0, -1) : word))
    .filter((word) => !IGNORED_WORDS.has(word))
    .join('_');
}

/**
 * Existing pacticipant names that a new name is probably a typo of, as the real broker judges it: the same
 * words, ignoring case, separators, plural `s` and the words api, provider and service (`Foo Service` is `foo`).
 * A name that already exists has no duplicates.
 */
export function potentialDuplicateNames(name: string, existing: readonly string[]): string[] {
  if (existing.includes(name)) return [];
  const target = essence(name);
  return existing.filter((other) => essence(other) === target);
}

import { formatJsonPath, type Segment } from '../json-path.ts';
import type { Part, RuleCategory } from '../pact-model.ts';

/** A value as it appears in a message: JSON, shortened. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Where in an interaction a value sits, the way a person says it: "response body $.items[0].id". */
export function place(part: Part, category: RuleCategory, key: string | undefined, segments: Segment[] = []): string {
  switch (category) {
    case 'body':
      return `${part.label} ${part.role === 'message' ? 'contents' : 'body'} ${formatJsonPath(segments)}`;
    case 'header':
    case 'query':
    case 'metadata':
      return `${part.label} ${category} ${key}`;
    default:
      return `${part.label} ${category}`;
  }
}

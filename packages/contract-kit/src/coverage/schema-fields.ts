/**
 * The fields of a response schema as body paths (`$.items[*].address.city`): `$ref`s to the
 * document's own components followed, `allOf` merged, `oneOf`/`anyOf` united.
 */
type Json = Record<string, unknown>;

export interface SchemaField {
  path: string;
  type: string | undefined;
  required: boolean;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

function child(path: string, name: string): string {
  return identifier.test(name) ? `${path}.${name}` : `${path}['${name.replaceAll("'", "\\'")}']`;
}

function resolve(document: Json, schema: unknown, seen: Set<string>): Json | undefined {
  if (!isJson(schema)) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (!ref.startsWith('#/') || seen.has(ref)) return undefined;
  seen.add(ref);
  let target: unknown = document;
  for (const segment of ref.slice(2).split('/')) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    target = isJson(target) ? target[key] : undefined;
  }
  return resolve(document, target, seen);
}

function typeOf(schema: Json): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.filter((t) => t !== 'null').join('|') || undefined;
  if (isJson(schema.properties)) return 'object';
  return undefined;
}

function walk(document: Json, schema: unknown, path: string, seen: Set<string>, out: Map<string, SchemaField>): void {
  const resolved = resolve(document, schema, new Set(seen));
  if (!resolved) return;
  const refSeen =
    typeof (schema as Json).$ref === 'string' ? new Set([...seen, (schema as Json).$ref as string]) : seen;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = resolved[key];
    if (Array.isArray(parts)) for (const part of parts) walk(document, part, path, refSeen, out);
  }
  if (resolved.items !== undefined) walk(document, resolved.items, `${path}[*]`, refSeen, out);
  if (!isJson(resolved.properties)) return;
  const required = new Set(Array.isArray(resolved.required) ? resolved.required.map(String) : []);
  for (const [name, property] of Object.entries(resolved.properties)) {
    const fieldPath = child(path, name);
    const fieldSchema = resolve(document, property, new Set(refSeen));
    if (!out.has(fieldPath)) {
      out.set(fieldPath, {
        path: fieldPath,
        type: fieldSchema ? typeOf(fieldSchema) : undefined,
        required: required.has(name),
      });
    }
    walk(document, property, fieldPath, refSeen, out);
  }
}

/** The JSON schema of a response object (OpenAPI 3 `content`, or Swagger 2 `schema`). */
export function responseSchema(document: Json, response: unknown): unknown {
  const resolved = resolve(document, response, new Set());
  if (!resolved) return undefined;
  if (isJson(resolved.content)) {
    const entries = Object.entries(resolved.content);
    const json = entries.find(([type]) => /json/i.test(type)) ?? entries[0];
    return json && isJson(json[1]) ? json[1].schema : undefined;
  }
  return resolved.schema;
}

export function schemaFields(document: Json, schema: unknown): SchemaField[] {
  const out = new Map<string, SchemaField>();
  walk(document, schema, '$', new Set(), out);
  return [...out.values()];
}

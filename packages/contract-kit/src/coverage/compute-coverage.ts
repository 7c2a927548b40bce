/**
 * Contract coverage: which operations, statuses and response fields of a provider's OpenAPI
 * document the consumers' pacts rely on, and which none does. Pure: no I/O.
 */
import { fieldsOf } from '../diff/fields.ts';
import { pactInput } from '../diff/pact-input.ts';
import { responseSchema, schemaFields } from './schema-fields.ts';
import type { Coverage, FieldCoverage, OperationCoverage, Reliance, ResponseCoverage } from './types.ts';

type Json = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface OperationEntry {
  coverage: OperationCoverage;
  pattern: RegExp;
  literals: number;
  responses: Map<string, ResponseCoverage>;
}

function pathPattern(template: string): { pattern: RegExp; literals: number } {
  const segments = template.replace(/\/+$/, '').split('/');
  let literals = 0;
  const source = segments
    .map((segment) => {
      if (!segment.includes('{')) {
        literals++;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      return segment
        .split(/(\{[^}]*\})/)
        .map((piece) => (piece.startsWith('{') ? '[^/]+' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), literals };
}

function operationsOf(document: Json): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(isJson(document.paths) ? document.paths : {})) {
    if (!isJson(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!isJson(operation)) continue;
      const responses = new Map<string, ResponseCoverage>();
      for (const [status, response] of Object.entries(isJson(operation.responses) ? operation.responses : {})) {
        const fields = schemaFields(document, responseSchema(document, response)).map(
          (f): FieldCoverage => ({ ...f, reliedOnBy: [] }),
        );
        responses.set(status.toUpperCase(), { status, reliedOnBy: [], fields, undocumentedFields: [] });
      }
      entries.push({
        ...pathPattern(path),
        responses,
        coverage: {
          method: method.toUpperCase(),
          path,
          ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
          consumers: [],
          reliedOnBy: [],
          responses: [...responses.values()],
          undocumentedStatuses: [],
        },
      });
    }
  }
  return entries;
}

function matchOperation(entries: OperationEntry[], method: string, path: string): OperationEntry | undefined {
  const bare = path.split('?')[0] as string;
  let best: OperationEntry | undefined;
  for (const entry of entries) {
    if (entry.coverage.method !== method || !entry.pattern.test(bare)) continue;
    if (!best || entry.literals > best.literals) best = entry;
  }
  return best;
}

function matchResponse(entry: OperationEntry, status: number): ResponseCoverage | undefined {
  return (
    entry.responses.get(String(status)) ??
    entry.responses.get(`${String(status)[0]}XX`) ??
    entry.responses.get('DEFAULT')
  );
}

/** A reliance once per consumer and interaction. */
function rely(list: Reliance[], reliance: Reliance): void {
  if (!list.some((r) => r.consumer === reliance.consumer && r.interaction === reliance.interaction))
    list.push(reliance);
}

/** Body fields as coverage names them: named properties, not the root or an array's items. */
const isNamedField = (path: string) => path !== '$' && !path.endsWith('[*]');

export function computeCoverage(openapi: object, pacts: readonly unknown[]): Coverage {
  const document = openapi as Json;
  const entries = operationsOf(document);
  const unmatched: Coverage['unmatched'] = [];
  const consumers = new Set<string>();
  let interactions = 0;
  let provider: string | undefined;
  pacts.forEach((pact, index) => {
    const input = pactInput(pact, `Pact ${index + 1}`);
    const consumer = input.consumer ?? `consumer ${index + 1}`;
    provider ??= input.provider;
    consumers.add(consumer);
    for (const interaction of input.model.interactions) {
      if (interaction.kind !== 'http') continue;
      interactions++;
      const request = interaction.parts.find((p) => p.role === 'request');
      const response = interaction.parts.find((p) => p.role === 'response');
      const method = request?.method ?? 'GET';
      const path = request?.path ?? '/';
      const reliance = { consumer, interaction: interaction.description };
      const entry = matchOperation(entries, method, path);
      if (!entry) {
        unmatched.push({ ...reliance, request: `${method} ${path}` });
        continue;
      }
      rely(entry.coverage.reliedOnBy, reliance);
      if (!entry.coverage.consumers.includes(consumer)) entry.coverage.consumers.push(consumer);
      if (response?.status === undefined) continue;
      const matched = matchResponse(entry, response.status);
      if (!matched) {
        const known = entry.coverage.undocumentedStatuses.find((s) => s.status === response.status);
        if (known) rely(known.reliedOnBy, reliance);
        else entry.coverage.undocumentedStatuses.push({ status: response.status, reliedOnBy: [reliance] });
        continue;
      }
      rely(matched.reliedOnBy, reliance);
      for (const field of fieldsOf(response).values()) {
        if (field.area !== 'body' || !isNamedField(field.name)) continue;
        const documented = matched.fields.find((f) => f.path === field.name);
        if (documented) {
          rely(documented.reliedOnBy, reliance);
          continue;
        }
        const other = matched.undocumentedFields.find((f) => f.path === field.name);
        if (other) rely(other.reliedOnBy, reliance);
        else matched.undocumentedFields.push({ path: field.name, reliedOnBy: [reliance] });
      }
    }
  });
  const operations = entries.map((e) => e.coverage);
  const responses = operations.flatMap((o) => o.responses);
  const fields = responses.flatMap((r) => r.fields);
  return {
    provider,
    operations,
    unmatched,
    summary: {
      operations: operations.length,
      operationsCovered: operations.filter((o) => o.reliedOnBy.length > 0).length,
      responses: responses.length,
      responsesCovered: responses.filter((r) => r.reliedOnBy.length > 0).length,
      fields: fields.length,
      fieldsReliedOn: fields.filter((f) => f.reliedOnBy.length > 0).length,
      consumers: [...consumers].sort(),
      interactions,
    },
  };
}

/** The consumers relying on a field, response or operation, each once. */
export function consumersOf(reliances: readonly Reliance[]): string[] {
  return [...new Set(reliances.map((r) => r.consumer))].sort();
}

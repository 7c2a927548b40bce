import { readFileSync } from 'node:fs';
import { importModule } from '#runtime';
import type { Segment } from '../json-path.ts';
import type { LintRuleCode } from '../rules.ts';
import type { PactVersion } from '../schemas/validate.ts';
import type { FileProblem } from './name-coverage.ts';

type Json = Record<string, unknown>;

/**
 * What is used of @pactflow/openapi-pact-comparator. Its own type declarations re-export without
 * file extensions, which NodeNext resolution cannot follow, so they are declared here.
 */
interface Result {
  code: string;
  message: string;
  type: 'error' | 'warning' | 'info';
  mockDetails?: { interactionDescription?: string | null; location: string };
  specDetails?: { location: string };
}
interface Comparator {
  compare(pact: unknown): AsyncIterable<Result>;
}
type ComparatorModule = { Comparator: new (options: { oas: unknown }) => Comparator };

export interface PactForComparison {
  file: string;
  raw: Json;
  version: PactVersion;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The OpenAPI document, parsed, or why it cannot be used. */
export async function loadOpenApi(
  openapi: string | object,
): Promise<{ document: Json; file: string } | { problem: FileProblem }> {
  const file = typeof openapi === 'string' ? openapi : '';
  const unusable = (message: string) => ({ problem: { file, code: 'PACT_OPENAPI_UNUSABLE' as const, message } });
  let document: unknown = openapi;
  if (typeof openapi === 'string') {
    try {
      const text = readFileSync(openapi, 'utf8');
      document = /\.ya?ml$/i.test(openapi) ? (await import('yaml')).parse(text) : JSON.parse(text);
    } catch (err) {
      return unusable(`the OpenAPI document cannot be read: ${(err as Error).message}`);
    }
  }
  if (
    !isJson(document) ||
    (typeof document.openapi !== 'string' && typeof document.swagger !== 'string') ||
    !isJson(document.paths)
  ) {
    return unusable('this is not an OpenAPI document: it needs an "openapi" version and "paths"');
  }
  return { document, file };
}

function ruleFor(result: Result): LintRuleCode | undefined {
  if (result.type === 'info' || result.code.startsWith('message.') || !result.mockDetails) return undefined;
  if (result.type === 'warning') return 'PACT_OPENAPI_UNCHECKED';
  if (result.code === 'request.path-or-method.unknown') return 'PACT_OPENAPI_UNKNOWN_OPERATION';
  if (result.code === 'response.status.unknown') return 'PACT_OPENAPI_STATUS_UNKNOWN';
  return result.code.startsWith('request.')
    ? 'PACT_OPENAPI_REQUEST_INCOMPATIBLE'
    : 'PACT_OPENAPI_RESPONSE_INCOMPATIBLE';
}

/**
 * The comparator's location (`[root].interactions[2].response.body.items.0`) as segments into the
 * pact file: V4 bodies hold their content under `content`, and header names keep the file's case.
 */
function segmentsOf(location: string, pact: PactForComparison): Segment[] {
  const segments: Segment[] = [];
  for (const [, name, index] of location.replace(/^\[root\]/, '').matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(index !== undefined ? Number(index) : /^\d+$/.test(name as string) ? Number(name) : (name as string));
  }
  const [list, at, part, field, name] = segments;
  if (pact.version === 4 && (part === 'request' || part === 'response') && field === 'body') {
    segments.splice(4, 0, 'content');
  }
  if (field === 'headers' && typeof name === 'string') {
    const interactions = pact.raw[list as string];
    const headers = Array.isArray(interactions) ? (interactions[at as number] as Json)?.[part as string] : undefined;
    const actual = Object.keys(isJson(headers) && isJson(headers.headers) ? headers.headers : {}).find(
      (key) => key.toLowerCase() === name.toLowerCase(),
    );
    if (actual) segments[4] = actual;
  }
  return segments;
}

function hasHttpInteractions(pact: PactForComparison): boolean {
  const interactions = Array.isArray(pact.raw.interactions) ? pact.raw.interactions : [];
  return pact.version < 4
    ? interactions.length > 0
    : interactions.some((i) => isJson(i) && i.type === 'Synchronous/HTTP');
}

/** The comparator compiles the document's schemas on first use: keep it while the document stays the same. */
let cached: { key: string; comparator: Comparator } | undefined;

async function comparatorFor(document: Json): Promise<Comparator> {
  const key = JSON.stringify(document);
  if (cached?.key !== key) {
    const { Comparator } = (await importModule('@pactflow/openapi-pact-comparator')) as ComparatorModule;
    cached = { key, comparator: new Comparator({ oas: document }) };
  }
  return cached.comparator;
}

/** Compares every pact's HTTP interactions with the provider's OpenAPI document. */
export async function checkAgainstOpenApi(
  openapi: { document: Json; file: string },
  pacts: PactForComparison[],
): Promise<FileProblem[]> {
  const comparable = pacts.filter(hasHttpInteractions);
  if (comparable.length === 0) return [];
  const problems: FileProblem[] = [];
  let comparator: Comparator;
  try {
    comparator = await comparatorFor(openapi.document);
  } catch (err) {
    const message = `the OpenAPI document cannot be used: ${(err as Error).message}`;
    return [{ file: openapi.file, code: 'PACT_OPENAPI_UNUSABLE', message }];
  }
  for (const pact of comparable) {
    const seen = new Set<string>();
    try {
      for await (const result of comparator.compare(structuredClone(pact.raw))) {
        const code = ruleFor(result);
        const details = result.mockDetails;
        if (!code || !details) continue;
        const at = segmentsOf(details.location, pact);
        const spec = result.specDetails?.location.replace(/^\[root\]\./, '');
        const message = `${result.message}${spec ? ` (OpenAPI: ${spec})` : ''}`;
        const key = `${at.join('\u0000')}\u0001${message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({
          file: pact.file,
          code,
          message,
          at,
          order: typeof at[1] === 'number' ? at[1] : -1,
          ...(details.interactionDescription ? { interaction: details.interactionDescription } : {}),
        });
      }
    } catch (err) {
      problems.push({
        file: pact.file,
        code: 'PACT_OPENAPI_UNUSABLE',
        message: `the comparison with the OpenAPI document failed: ${(err as Error).message}`,
      });
    }
  }
  return problems;
}

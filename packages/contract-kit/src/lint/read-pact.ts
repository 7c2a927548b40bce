import { readFileSync } from 'node:fs';
import type { Segment } from './json-path.ts';
import { locateJsonSyntaxError } from './json-syntax.ts';
import { modelPact, type PactModel } from './pact-model.ts';
import type { Problem } from './problem.ts';
import { type PactVersion, validatePact } from './schemas/validate.ts';

type Json = Record<string, unknown>;

export interface PactLintRead {
  problems: Problem[];
  interactions: number;
  /** Of the interactions, messages: V4 asynchronous and synchronous ones, and V3's `messages`. */
  messages: number;
  /** Present when the file is a pact its schema accepts: the semantic, coverage and static checks need it. */
  pact?: { raw: Json; version: PactVersion; model: PactModel };
}

const v4Types = new Set(['Synchronous/HTTP', 'Asynchronous/Messages', 'Synchronous/Messages']);

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The declared specification version and where it was found (pact-jvm wrote older spellings). */
function declaredVersion(raw: Json): { text: string | undefined; at: Segment[] } {
  const metadata = isJson(raw.metadata) ? raw.metadata : {};
  for (const key of ['pactSpecification', 'pact-specification']) {
    const spec = metadata[key];
    if (isJson(spec) && spec.version !== undefined) {
      return { text: String(spec.version), at: ['metadata', key, 'version'] };
    }
  }
  if (metadata.pactSpecificationVersion !== undefined) {
    return { text: String(metadata.pactSpecificationVersion), at: ['metadata', 'pactSpecificationVersion'] };
  }
  return { text: undefined, at: ['metadata', 'pactSpecification', 'version'] };
}

function majorVersion(text: string | undefined): PactVersion | undefined {
  const major = text === undefined ? undefined : /^v?(\d+)(?:\.|$)/i.exec(text.trim())?.[1];
  return major === '2' || major === '3' || major === '4' ? (Number(major) as PactVersion) : undefined;
}

function describe(raw: Json, segments: Segment[]): string | undefined {
  const [list, index] = segments;
  if ((list !== 'interactions' && list !== 'messages') || typeof index !== 'number') return undefined;
  const items = raw[list];
  const description = Array.isArray(items) && isJson(items[index]) ? items[index].description : undefined;
  return typeof description === 'string' ? description : undefined;
}

/** An interaction written in another version than the file declares, e.g. V4 interactions in a "3.0.0" pact. */
function versionMismatch(raw: Json, version: PactVersion, declared: string): Problem | undefined {
  const interactions = Array.isArray(raw.interactions) ? raw.interactions : [];
  for (const [index, interaction] of interactions.entries()) {
    if (!isJson(interaction)) continue;
    const v4 = typeof interaction.type === 'string' && v4Types.has(interaction.type);
    const description = typeof interaction.description === 'string' ? interaction.description : undefined;
    const base = {
      code: 'PACT_SPEC_VERSION_MISMATCH' as const,
      order: index,
      ...(description ? { interaction: description } : {}),
    };
    if (version < 4 && v4) {
      return {
        ...base,
        at: ['interactions', index, 'type'],
        message: `a V4 interaction (${interaction.type}) in a pact that declares version ${declared}`,
      };
    }
    if (version === 4 && interaction.type === undefined && 'request' in interaction && 'response' in interaction) {
      return {
        ...base,
        at: ['interactions', index],
        message: `a V2/V3 interaction (no type) in a pact that declares version ${declared}`,
      };
    }
  }
  return undefined;
}

function countMessages(raw: Json): number {
  const interactions = Array.isArray(raw.interactions) ? raw.interactions : [];
  const v4 = interactions.filter(
    (i) => isJson(i) && (i.type === 'Asynchronous/Messages' || i.type === 'Synchronous/Messages'),
  ).length;
  return v4 + (Array.isArray(raw.messages) ? raw.messages.length : 0);
}

/** Reads one pact file and checks it against the JSON Schema of its version; never throws. */
export function readPactForLint(file: string): PactLintRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message;
    return {
      interactions: 0,
      messages: 0,
      problems: [{ code: 'PACT_FILE_UNREADABLE', order: -1, message: `cannot be read: ${reason}` }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const { line, column, problem } = locateJsonSyntaxError(text);
    return {
      interactions: 0,
      messages: 0,
      problems: [
        {
          code: 'PACT_JSON_MALFORMED',
          order: -1,
          message: `is not valid JSON: ${problem} (line ${line}, column ${column})`,
        },
      ],
    };
  }
  if (!isJson(raw)) {
    return {
      interactions: 0,
      messages: 0,
      problems: [{ code: 'PACT_SCHEMA_INVALID', order: -1, at: [], message: 'must be a JSON object (a pact)' }],
    };
  }

  const lists = (['interactions', 'messages'] as const).filter((key) => Array.isArray(raw[key]));
  const interactions = lists.reduce((sum, key) => sum + (raw[key] as unknown[]).length, 0);
  const messages = countMessages(raw);
  const declared = declaredVersion(raw);
  const version = majorVersion(declared.text);
  if (version === undefined) {
    const message =
      declared.text === undefined
        ? 'names no Pact specification version'
        : `declares Pact specification version ${JSON.stringify(declared.text)}; this lint reads versions 2, 3 and 4`;
    return {
      interactions,
      messages,
      problems: [{ code: 'PACT_SPEC_VERSION_UNSUPPORTED', order: -1, at: declared.at, message }],
    };
  }
  const mismatch = versionMismatch(raw, version, declared.text as string);
  if (mismatch) return { interactions, messages, problems: [mismatch] };

  const problems: Problem[] = [];
  if (lists.length > 0 && interactions === 0) {
    problems.push({
      code: 'PACT_NO_INTERACTIONS',
      order: -1,
      at: [lists[0] as string],
      message: 'has no interactions',
    });
  }
  for (const { segments, message } of validatePact(version, raw)) {
    const interaction = describe(raw, segments);
    const index = typeof segments[1] === 'number' ? segments[1] : -1;
    const subject = [...segments].reverse().find((s) => typeof s === 'string') ?? 'the pact';
    problems.push({
      code: 'PACT_SCHEMA_INVALID',
      at: segments,
      message: `${subject} ${message}`,
      order: index,
      ...(interaction ? { interaction } : {}),
    });
  }
  if (problems.length > 0) return { interactions, messages, problems };
  return { interactions, messages, problems, pact: { raw, version, model: modelPact(raw, version) } };
}

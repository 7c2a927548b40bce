import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import type { Segment } from '../json-path.ts';
import { pactV2Schema } from './pact-v2.ts';
import { pactV3Schema } from './pact-v3.ts';
import { pactV4Schema } from './pact-v4.ts';

export type PactVersion = 2 | 3 | 4;

export interface SchemaProblem {
  segments: Segment[];
  message: string;
}

const schemas: Record<PactVersion, SchemaObject> = { 2: pactV2Schema, 3: pactV3Schema, 4: pactV4Schema };
const compiled = new Map<PactVersion, ValidateFunction>();

function validatorFor(version: PactVersion): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strictTypes: false,
      allowUnionTypes: true,
      // A lint compiles once and validates a few files: compiling fast matters more than validating fast.
      inlineRefs: false,
      code: { optimize: false },
    });
    ajv.addKeyword({ keyword: 'lintMessage', schemaType: 'string' });
    validate = ajv.compile(schemas[version]);
    compiled.set(version, validate);
  }
  return validate;
}

/** Every way `pact` departs from the JSON Schema of its specification version, as readable problems. */
export function validatePact(version: PactVersion, pact: unknown): SchemaProblem[] {
  const validate = validatorFor(version);
  if (validate(pact)) return [];
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of validate.errors ?? []) {
    const problem = describe(error, pact);
    if (!problem) continue;
    const key = `${problem.segments.join('\u0000')}\u0001${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Turns `/interactions/0/request` into segments, with indexes as numbers where the data holds an array. */
function segmentsOf(instancePath: string, data: unknown): Segment[] {
  if (instancePath === '') return [];
  const segments: Segment[] = [];
  let current = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      segments.push(Number(key));
      current = current[Number(key)];
    } else {
      segments.push(key);
      current = (current as Record<string, unknown> | undefined)?.[key];
    }
  }
  return segments;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(error: ErrorObject, data: unknown): SchemaProblem | undefined {
  // `if` only reports that its `then`/`else` failed; those report the problem themselves.
  if (error.keyword === 'if' || error.keyword === 'propertyNames') return undefined;
  const segments = segmentsOf(error.instancePath, data);
  const custom = (error.parentSchema as { lintMessage?: string } | undefined)?.lintMessage;
  const params = error.params as Record<string, unknown>;

  if (error.propertyName !== undefined) {
    return {
      segments: [...segments, error.propertyName],
      message: `${custom ?? error.message ?? 'is not allowed'} (found "${error.propertyName}")`,
    };
  }
  switch (error.keyword) {
    case 'required':
      return { segments: [...segments, String(params.missingProperty)], message: 'is required but missing' };
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        segments: [...segments, String(params.additionalProperty)],
        message: `is not a field here (known: ${known.join(', ')})`,
      };
    }
    case 'not':
      return { segments, message: custom ?? 'is not allowed here' };
    case 'minItems':
      return { segments, message: params.limit === 1 ? 'must not be empty' : `${error.message}` };
    case 'minLength':
      return { segments, message: params.limit === 1 ? 'must not be empty' : `${error.message}` };
    case 'type': {
      const expected = ([] as string[])
        .concat(params.type as string | string[])
        .map(withArticle)
        .join(' or ');
      return { segments, message: `${custom ?? `must be ${expected}`}, not ${typeName(error.data)}` };
    }
    case 'enum':
      return {
        segments,
        message: `${custom ?? `must be one of: ${(params.allowedValues as unknown[]).map(show).join(', ')}`}, not ${show(error.data)}`,
      };
    default:
      return { segments, message: `${custom ?? error.message ?? 'is invalid'}, not ${show(error.data)}` };
  }
}

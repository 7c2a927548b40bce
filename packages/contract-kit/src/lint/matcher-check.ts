/**
 * Does an example satisfy its own matcher, the way the Pact verifier would judge the provider's
 * value? Each check answers with what is wrong, or undefined; a matcher this cannot judge (content
 * type by magic bytes, an unknown date format, …) passes rather than risk a false error.
 */
import { javaDateFormatToRegExp } from './java-date-format.ts';
import { compilePactRegex } from './pact-regex.ts';

type Json = Record<string, unknown>;

/** `json`: a value of a JSON body. `text`: a header, query, path or metadata value, always text on the wire. */
export type ValueKind = 'json' | 'text';

const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numeric(value: unknown, kind: ValueKind, test: (n: number) => boolean): boolean {
  if (typeof value === 'number') return test(value);
  if (kind === 'text' && typeof value === 'string' && value.trim() !== '') return test(Number(value));
  return false;
}

function lengthProblem(matcher: Json, value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof matcher.min === 'number' && value.length < matcher.min) {
    return `has ${items}, fewer than the min of ${matcher.min}`;
  }
  if (typeof matcher.max === 'number' && value.length > matcher.max) {
    return `has ${items}, more than the max of ${matcher.max}`;
  }
  return undefined;
}

function dateProblem(matcher: Json, value: unknown, kind: string): string | undefined {
  const format = [matcher.format, matcher[kind], matcher.timestamp].find((f) => typeof f === 'string') as
    | string
    | undefined;
  if (format === undefined || typeof value !== 'string') return undefined;
  const shape = javaDateFormatToRegExp(format);
  return shape && !shape.test(value) ? `does not have the ${kind} format ${format}` : undefined;
}

const statusClasses: Record<string, (status: number) => boolean> = {
  information: (s) => s >= 100 && s < 200,
  success: (s) => s >= 200 && s < 300,
  redirect: (s) => s >= 300 && s < 400,
  clientError: (s) => s >= 400 && s < 500,
  serverError: (s) => s >= 500 && s < 600,
  nonError: (s) => s < 400,
  error: (s) => s >= 400,
};

function statusProblem(matcher: Json, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  const { status } = matcher;
  if (Array.isArray(status)) {
    return status.includes(value) ? undefined : `is not one of the statuses ${status.join(', ')}`;
  }
  const inClass = typeof status === 'string' ? statusClasses[status] : undefined;
  return inClass && !inClass(value) ? `is not a ${status} status` : undefined;
}

function eachProblem(rules: unknown, values: unknown[], kind: ValueKind, what: string): string | undefined {
  if (!Array.isArray(rules)) return undefined;
  for (const value of values) {
    for (const rule of rules) {
      const problem = isJson(rule) ? matcherProblem(rule, value, kind) : undefined;
      if (problem) return `has ${what} ${JSON.stringify(value)} that ${problem}`;
    }
  }
  return undefined;
}

export function matcherProblem(matcher: Json, value: unknown, kind: ValueKind): string | undefined {
  switch (matcher.match) {
    case 'regex': {
      if (!isScalar(value) || typeof matcher.regex !== 'string') return undefined;
      const compiled = compilePactRegex(matcher.regex);
      return compiled.ok === true && !compiled.regex.test(String(value))
        ? `does not match the regex ${matcher.regex}`
        : undefined;
    }
    case 'type':
    case 'min':
    case 'max':
    case 'min-type':
    case 'max-type':
      return lengthProblem(matcher, value);
    case 'integer':
      return numeric(value, kind, Number.isInteger) ? undefined : 'is not an integer';
    case 'decimal':
    case 'real':
    case 'number':
      return numeric(value, kind, Number.isFinite) ? undefined : 'is not a number';
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : 'is not a boolean';
    case 'null':
      return kind === 'json' && value !== null ? 'is not null' : undefined;
    case 'include':
      return isScalar(value) && typeof matcher.value === 'string' && !String(value).includes(matcher.value)
        ? `does not include ${JSON.stringify(matcher.value)}`
        : undefined;
    case 'timestamp':
    case 'datetime':
      return dateProblem(matcher, value, 'datetime');
    case 'date':
      return dateProblem(matcher, value, 'date');
    case 'time':
      return dateProblem(matcher, value, 'time');
    case 'semver':
      return typeof value === 'string' && !semver.test(value) ? 'is not a semantic version' : undefined;
    case 'notEmpty':
    case 'not-empty':
      return value === null ||
        value === '' ||
        (Array.isArray(value) && value.length === 0) ||
        (isJson(value) && Object.keys(value).length === 0)
        ? 'is empty'
        : undefined;
    case 'statusCode':
    case 'status-code':
      return statusProblem(matcher, value);
    case 'arrayContains':
    case 'array-contains': {
      if (!Array.isArray(value) || !Array.isArray(matcher.variants)) return undefined;
      const missing = matcher.variants.find((v) => isJson(v) && typeof v.index === 'number' && v.index >= value.length);
      return missing ? `has no item ${(missing as Json).index} for its variant` : undefined;
    }
    case 'eachKey':
    case 'each-key':
      return isJson(value) ? eachProblem(matcher.rules, Object.keys(value), 'text', 'a key') : undefined;
    case 'eachValue':
    case 'each-value': {
      const values = Array.isArray(value) ? value : isJson(value) ? Object.values(value) : [];
      return eachProblem(matcher.rules, values, kind, 'a value');
    }
    default:
      return undefined;
  }
}

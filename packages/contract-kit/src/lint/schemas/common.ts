/**
 * Building blocks of the pact-file JSON Schemas, written from the Pact specification
 * (github.com/pact-foundation/pact-specification, v2.0.0 to v4.0) and what pact-rust accepts.
 * `lintMessage` is an annotation of ours: the message to show when that subschema fails.
 */
import type { SchemaObject } from 'ajv';

/** JSON Schema's `if`/`then`/`else`: when `condition` holds, `then` must too, otherwise `otherwise`. */
export function when(condition: SchemaObject, then: SchemaObject, otherwise?: SchemaObject): SchemaObject {
  return { if: condition, then, ...(otherwise === undefined ? {} : { else: otherwise }) };
}

export const nonEmptyString: SchemaObject = { type: 'string', minLength: 1 };

export const pacticipant: SchemaObject = {
  type: 'object',
  required: ['name'],
  properties: { name: nonEmptyString },
};

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'];

export const httpMethod: SchemaObject = {
  type: 'string',
  enum: [...methods, ...methods.map((m) => m.toLowerCase())],
  lintMessage: `must be an HTTP method (${methods.join(', ')})`,
};

export const requestPath: SchemaObject = {
  type: 'string',
  pattern: '^/',
  lintMessage: 'must be a path starting with "/"',
};

export const httpStatus: SchemaObject = {
  type: 'integer',
  minimum: 100,
  maximum: 599,
  lintMessage: 'must be an HTTP status code (an integer from 100 to 599)',
};

export const stringMap: SchemaObject = { type: 'object', additionalProperties: { type: 'string' } };

/** V3/V4 headers and query parameters: a value, or a list of values. */
export const multiValueMap: SchemaObject = {
  type: 'object',
  additionalProperties: { type: ['string', 'array'], items: { type: 'string' } },
};

export const providerStatesV3: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name'],
    properties: { name: nonEmptyString, params: { type: ['object', 'null'] } },
  },
};

/** V3 matcher types, with the aliases pact-rust reads. */
const matchersV3 = [
  'equality',
  'regex',
  'type',
  'min',
  'max',
  'min-type',
  'max-type',
  'include',
  'integer',
  'decimal',
  'real',
  'number',
  'timestamp',
  'datetime',
  'date',
  'time',
  'null',
  'boolean',
  'contentType',
  'content-type',
  'values',
];

/** V4 adds these. */
const matchersV4 = [
  ...matchersV3,
  'arrayContains',
  'array-contains',
  'statusCode',
  'status-code',
  'notEmpty',
  'not-empty',
  'semver',
  'eachKey',
  'each-key',
  'eachValue',
  'each-value',
];

/** A field the matcher type needs, e.g. `regex` for a regex matcher. */
function needs(types: string[], field: string): SchemaObject {
  return when({ required: ['match'], properties: { match: { enum: types } } }, { required: [field] });
}

function matcher(types: string[], self: string): SchemaObject {
  return {
    type: 'object',
    required: ['match'],
    properties: {
      match: { type: 'string', enum: types, lintMessage: `must be a matcher type: ${types.join(', ')}` },
      regex: { type: 'string' },
      min: { type: 'integer', minimum: 0 },
      max: { type: 'integer', minimum: 0 },
      format: { type: 'string' },
      timestamp: { type: 'string' },
      date: { type: 'string' },
      time: { type: 'string' },
      value: {},
      variants: {
        type: 'array',
        items: {
          type: 'object',
          required: ['index'],
          properties: {
            index: { type: 'integer', minimum: 0 },
            rules: { type: 'object' },
            generators: { type: 'object' },
          },
        },
      },
      rules: { type: 'array', items: { $ref: self } },
      status: { type: ['string', 'array'], items: { type: 'integer' } },
    },
    allOf: [
      needs(['regex'], 'regex'),
      needs(['include', 'contentType', 'content-type'], 'value'),
      needs(['min', 'min-type'], 'min'),
      needs(['max', 'max-type'], 'max'),
      needs(['arrayContains', 'array-contains'], 'variants'),
    ],
  };
}

export const matcherV3 = matcher(matchersV3, '#/$defs/matcher');
export const matcherV4 = matcher(matchersV4, '#/$defs/matcher');

export const ruleList: SchemaObject = {
  type: 'object',
  required: ['matchers'],
  additionalProperties: false,
  properties: {
    combine: { type: 'string', enum: ['AND', 'OR'] },
    matchers: { type: 'array', minItems: 1, items: { $ref: '#/$defs/matcher' } },
  },
};

const keyedRules: SchemaObject = { type: 'object', additionalProperties: { $ref: '#/$defs/ruleList' } };
const bodyRules: SchemaObject = {
  type: 'object',
  propertyNames: { pattern: '^\\$', lintMessage: 'must be a JSON path starting with "$", e.g. "$.items[*].id"' },
  additionalProperties: { $ref: '#/$defs/ruleList' },
};

/** V3/V4 matching rules of one part, by category; the categories it may have depend on the part. */
export function matchingRules(categories: string[]): SchemaObject {
  const known: Record<string, SchemaObject> = {
    method: { $ref: '#/$defs/ruleList' },
    path: { $ref: '#/$defs/ruleList' },
    status: { $ref: '#/$defs/ruleList' },
    query: { $ref: '#/$defs/keyedRules' },
    header: { $ref: '#/$defs/keyedRules' },
    headers: { $ref: '#/$defs/keyedRules' },
    metadata: { $ref: '#/$defs/keyedRules' },
    body: { $ref: '#/$defs/bodyRules' },
    content: { $ref: '#/$defs/bodyRules' },
    contents: { $ref: '#/$defs/bodyRules' },
  };
  return {
    type: 'object',
    propertyNames: { enum: categories, lintMessage: `must be a matching-rule category here: ${categories.join(', ')}` },
    properties: Object.fromEntries(categories.map((c) => [c, known[c]])),
  };
}

const generatorTypes = [
  'RandomInt',
  'Uuid',
  'RandomDecimal',
  'RandomHexadecimal',
  'RandomString',
  'Regex',
  'Date',
  'Time',
  'DateTime',
  'RandomBoolean',
  'ProviderState',
  'MockServerURL',
];

export const generator: SchemaObject = {
  type: 'object',
  required: ['type'],
  properties: {
    type: {
      type: 'string',
      enum: generatorTypes,
      lintMessage: `must be a generator type: ${generatorTypes.join(', ')}`,
    },
    min: { type: 'integer' },
    max: { type: 'integer' },
    digits: { type: 'integer', minimum: 1 },
    size: { type: 'integer', minimum: 1 },
    regex: { type: 'string' },
    format: { type: 'string' },
    expression: { type: 'string' },
  },
  allOf: [
    when({ required: ['type'], properties: { type: { const: 'Regex' } } }, { required: ['regex'] }),
    when({ required: ['type'], properties: { type: { const: 'ProviderState' } } }, { required: ['expression'] }),
  ],
};

/** V3/V4 generators of one part, by category. */
export function generators(categories: string[]): SchemaObject {
  const keyed: SchemaObject = { $ref: '#/$defs/keyedGenerators' };
  const known: Record<string, SchemaObject> = {
    method: { $ref: '#/$defs/generator' },
    path: { $ref: '#/$defs/generator' },
    status: { $ref: '#/$defs/generator' },
    query: keyed,
    header: keyed,
    metadata: keyed,
    body: keyed,
    content: keyed,
  };
  return {
    type: 'object',
    propertyNames: { enum: categories, lintMessage: `must be a generator category here: ${categories.join(', ')}` },
    properties: Object.fromEntries(categories.map((c) => [c, known[c]])),
  };
}

/** What the V3 and V4 schemas share, referenced as `#/$defs/<name>` so that ajv compiles each once. */
export function sharedDefs(matcherSchema: SchemaObject): Record<string, SchemaObject> {
  return {
    matcher: matcherSchema,
    ruleList,
    keyedRules,
    bodyRules,
    generator,
    keyedGenerators: { type: 'object', additionalProperties: { $ref: '#/$defs/generator' } },
  };
}

export const pactMetadata: SchemaObject = {
  type: 'object',
  properties: {
    pactSpecification: { type: 'object', required: ['version'], properties: { version: { type: 'string' } } },
  },
};

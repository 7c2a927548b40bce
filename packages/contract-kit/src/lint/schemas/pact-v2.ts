import type { SchemaObject } from 'ajv';
import {
  httpMethod,
  httpStatus,
  nonEmptyString,
  pacticipant,
  pactMetadata,
  requestPath,
  stringMap,
  when,
} from './common.ts';

/** V2 matching rules: one flat map from `$.body…`, `$.headers.…`, `$.query.…` or `$.path` to a matcher. */
const matchingRulesV2: SchemaObject = {
  type: 'object',
  propertyNames: {
    pattern: '^\\$\\.(body|headers|query|path)([.[]|$)',
    lintMessage: 'must be a V2 rule path: $.body…, $.headers.<name>, $.query.<name> or $.path',
  },
  additionalProperties: {
    type: 'object',
    properties: {
      match: { type: 'string', enum: ['regex', 'type'], lintMessage: 'must be a V2 matcher type: regex, type' },
      regex: { type: 'string' },
      min: { type: 'integer', minimum: 0 },
      max: { type: 'integer', minimum: 0 },
    },
    allOf: [when({ required: ['match'], properties: { match: { const: 'regex' } } }, { required: ['regex'] })],
  },
};

const v4Only = { not: {}, lintMessage: 'is a V4 field, but the pact says it is V2' };

export const pactV2Schema: SchemaObject = {
  $id: 'pact-v2',
  type: 'object',
  required: ['consumer', 'provider', 'interactions'],
  properties: {
    consumer: pacticipant,
    provider: pacticipant,
    metadata: pactMetadata,
    interactions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['description', 'request', 'response'],
        properties: {
          description: nonEmptyString,
          providerState: { type: 'string' },
          providerStates: { not: {}, lintMessage: 'is a V3 field: a V2 pact names one providerState' },
          type: v4Only,
          request: {
            type: 'object',
            required: ['method', 'path'],
            additionalProperties: false,
            properties: {
              method: httpMethod,
              path: requestPath,
              query: { type: 'string', lintMessage: 'must be a query string in a V2 pact, e.g. "a=1&b=2"' },
              headers: stringMap,
              body: {},
              matchingRules: matchingRulesV2,
            },
          },
          response: {
            type: 'object',
            required: ['status'],
            additionalProperties: false,
            properties: { status: httpStatus, headers: stringMap, body: {}, matchingRules: matchingRulesV2 },
          },
        },
      },
    },
  },
};

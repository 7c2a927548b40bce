import type { SchemaObject } from 'ajv';
import {
  generators,
  httpMethod,
  httpStatus,
  matcherV3,
  matchingRules,
  multiValueMap,
  nonEmptyString,
  pacticipant,
  pactMetadata,
  providerStatesV3,
  requestPath,
  sharedDefs,
  when,
} from './common.ts';

const v4Only = { not: {}, lintMessage: 'is a V4 field, but the pact says it is V3' };

const httpInteraction: SchemaObject = {
  type: 'object',
  required: ['description', 'request', 'response'],
  properties: {
    description: nonEmptyString,
    providerState: { type: 'string' },
    providerStates: providerStatesV3,
    type: v4Only,
    request: {
      type: 'object',
      required: ['method', 'path'],
      additionalProperties: false,
      properties: {
        method: httpMethod,
        path: requestPath,
        query: multiValueMap,
        headers: multiValueMap,
        body: {},
        matchingRules: matchingRules(['method', 'path', 'query', 'header', 'headers', 'body']),
        generators: generators(['method', 'path', 'query', 'header', 'body']),
      },
    },
    response: {
      type: 'object',
      required: ['status'],
      additionalProperties: false,
      properties: {
        status: httpStatus,
        headers: multiValueMap,
        body: {},
        matchingRules: matchingRules(['status', 'header', 'headers', 'body']),
        generators: generators(['status', 'header', 'body']),
      },
    },
  },
};

const message: SchemaObject = {
  type: 'object',
  required: ['description'],
  properties: {
    description: nonEmptyString,
    providerStates: providerStatesV3,
    type: v4Only,
    contents: {},
    metadata: { type: 'object' },
    metaData: { type: 'object' },
    matchingRules: matchingRules(['body', 'contents', 'metadata']),
    generators: generators(['body', 'metadata']),
  },
};

export const pactV3Schema: SchemaObject = {
  ...when({ required: ['messages'] }, {}, { required: ['interactions'] }),
  $id: 'pact-v3',
  $defs: sharedDefs(matcherV3),
  type: 'object',
  required: ['consumer', 'provider'],
  properties: {
    consumer: pacticipant,
    provider: pacticipant,
    metadata: pactMetadata,
    interactions: { type: 'array', items: httpInteraction },
    messages: { type: 'array', items: message },
  },
};

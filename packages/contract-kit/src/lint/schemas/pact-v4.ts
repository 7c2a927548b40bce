import type { SchemaObject } from 'ajv';
import {
  generators,
  httpMethod,
  httpStatus,
  matcherV4,
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

/** A V4 body: the content, with how to read it. */
const body: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    content: {},
    contentType: { type: 'string' },
    contentTypeHint: { type: 'string', enum: ['BINARY', 'TEXT', 'DEFAULT'] },
    encoded: { type: ['boolean', 'string'] },
  },
};

const httpRequest: SchemaObject = {
  type: 'object',
  required: ['method', 'path'],
  additionalProperties: false,
  properties: {
    method: httpMethod,
    path: requestPath,
    query: multiValueMap,
    headers: multiValueMap,
    body: { $ref: '#/$defs/body' },
    matchingRules: matchingRules(['method', 'path', 'query', 'header', 'headers', 'body']),
    generators: generators(['method', 'path', 'query', 'header', 'body']),
  },
};

const httpResponse: SchemaObject = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: httpStatus,
    headers: multiValueMap,
    body: { $ref: '#/$defs/body' },
    matchingRules: matchingRules(['status', 'header', 'headers', 'body']),
    generators: generators(['status', 'header', 'body']),
  },
};

const messageContents: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    contents: { $ref: '#/$defs/body' },
    metadata: { type: 'object' },
    matchingRules: { $ref: '#/$defs/messageRules' },
    generators: { $ref: '#/$defs/messageGenerators' },
  },
};

const interactionTypes = ['Synchronous/HTTP', 'Asynchronous/Messages', 'Synchronous/Messages'];

function ofType(type: string, schema: SchemaObject): SchemaObject {
  return when({ required: ['type'], properties: { type: { const: type } } }, schema);
}

const interaction: SchemaObject = {
  type: 'object',
  required: ['type', 'description'],
  properties: {
    type: {
      type: 'string',
      enum: interactionTypes,
      lintMessage: `must be a V4 interaction type: ${interactionTypes.join(', ')}`,
    },
    description: nonEmptyString,
    key: { type: 'string' },
    pending: { type: 'boolean' },
    providerStates: providerStatesV3,
    providerState: { not: {}, lintMessage: 'is a V2 field: a V4 pact lists providerStates' },
    comments: { type: 'object' },
    pluginConfiguration: { type: 'object' },
    interactionMarkup: { type: 'object' },
    transport: { type: 'string' },
  },
  allOf: [
    ofType('Synchronous/HTTP', {
      required: ['request', 'response'],
      properties: { request: { $ref: '#/$defs/httpRequest' }, response: { $ref: '#/$defs/httpResponse' } },
    }),
    ofType('Asynchronous/Messages', {
      required: ['contents'],
      properties: {
        contents: { $ref: '#/$defs/body' },
        metadata: { type: 'object' },
        matchingRules: { $ref: '#/$defs/messageRules' },
        generators: { $ref: '#/$defs/messageGenerators' },
      },
    }),
    ofType('Synchronous/Messages', {
      required: ['request', 'response'],
      properties: {
        request: { $ref: '#/$defs/messageContents' },
        response: { type: 'array', minItems: 1, items: { $ref: '#/$defs/messageContents' } },
      },
    }),
  ],
};

export const pactV4Schema: SchemaObject = {
  $id: 'pact-v4',
  $defs: {
    ...sharedDefs(matcherV4),
    body,
    httpRequest,
    httpResponse,
    messageContents,
    messageRules: matchingRules(['body', 'content', 'contents', 'metadata']),
    messageGenerators: generators(['body', 'content', 'metadata']),
  },
  type: 'object',
  required: ['consumer', 'provider', 'interactions'],
  properties: {
    consumer: pacticipant,
    provider: pacticipant,
    metadata: pactMetadata,
    interactions: { type: 'array', items: interaction },
  },
};

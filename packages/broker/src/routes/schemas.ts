/**
 * Response schemas. HAL documents are open (clients follow whatever links are there), so the schemas name what
 * each resource guarantees and let everything else through.
 */
const open = { type: 'object', additionalProperties: true } as const;

export const halResponse = {
  type: 'object',
  required: ['_links'],
  properties: { _links: open },
  additionalProperties: true,
} as const;

export const openResponse = open;

export const errorResponse = {
  type: 'object',
  required: ['statusCode', 'code', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
  additionalProperties: true,
} as const;

export const embeddedList = (name: string) =>
  ({
    type: 'object',
    required: ['_embedded', '_links'],
    properties: {
      _embedded: {
        type: 'object',
        required: [name],
        properties: { [name]: { type: 'array', items: open } },
        additionalProperties: true,
      },
      _links: open,
    },
    additionalProperties: true,
  }) as const;

export const pacticipantParams = {
  type: 'object',
  required: ['pacticipant'],
  properties: { pacticipant: { type: 'string', minLength: 1 } },
} as const;

export const versionParams = {
  type: 'object',
  required: ['pacticipant', 'version'],
  properties: { pacticipant: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } },
} as const;

export const providerConsumerParams = {
  type: 'object',
  required: ['provider', 'consumer'],
  properties: { provider: { type: 'string', minLength: 1 }, consumer: { type: 'string', minLength: 1 } },
} as const;

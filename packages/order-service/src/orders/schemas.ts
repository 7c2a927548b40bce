const errorResponse = { $ref: 'ErrorBody#' } as const;

const address = {
  type: 'object',
  required: ['street', 'city', 'postalCode', 'country'],
  properties: {
    street: { type: 'string' },
    city: { type: 'string' },
    postalCode: { type: 'string' },
    country: { type: 'string' },
  },
} as const;

/** UserService's ids are PostgreSQL `integer`s: asking it for a larger one is a client error, not UserService's. */
const userId = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

/**
 * Prices in cents up to one million (major units): with at most 100 lines of at most 10,000 each, every total stays
 * an exact integer (below 2^53).
 */
const maxUnitPrice = 100_000_000;

const orderItem = {
  type: 'object',
  required: ['sku', 'quantity', 'unitPrice'],
  additionalProperties: false,
  properties: {
    sku: { type: 'string', minLength: 1, maxLength: 64 },
    quantity: { type: 'integer', minimum: 1, maximum: 10_000 },
    unitPrice: { type: 'integer', minimum: 0, maximum: maxUnitPrice, description: 'minor units (cents)' },
  },
} as const;

const orderProperties = {
  id: { type: 'integer' },
  userId: { type: 'integer' },
  status: { type: 'string', enum: ['placed', 'on-hold', 'cancelled'] },
  items: { type: 'array', items: orderItem },
  total: { type: 'integer' },
  customer: {
    type: 'object',
    required: ['name', 'email', 'customerSince', 'address'],
    properties: {
      name: { type: 'string' },
      email: { type: 'string' },
      customerSince: { type: 'string', format: 'date-time' },
      address,
    },
  },
  createdAt: { type: 'string', format: 'date-time' },
} as const;

const order = {
  type: 'object',
  required: ['id', 'userId', 'status', 'items', 'total', 'customer', 'createdAt'],
  properties: orderProperties,
} as const;

// `currentCustomerName` is present on the recent-orders listing only.
const listedOrder = {
  type: 'object',
  required: order.required,
  properties: { ...orderProperties, currentCustomerName: { type: ['string', 'null'] } },
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

const upstreamErrors = { 502: errorResponse, 503: errorResponse } as const;

export const placeOrderSchema = {
  body: {
    type: 'object',
    required: ['userId', 'items'],
    additionalProperties: false,
    properties: {
      userId,
      items: { type: 'array', minItems: 1, maxItems: 100, items: orderItem },
    },
  },
  response: { 201: order, 400: errorResponse, 422: errorResponse, ...upstreamErrors },
} as const;

export const getOrderSchema = {
  params: idParams,
  response: { 200: order, 400: errorResponse, 404: errorResponse },
} as const;

export const listOrdersSchema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      userId,
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['items'],
      properties: { items: { type: 'array', items: listedOrder } },
    },
    400: errorResponse,
    ...upstreamErrors,
  },
} as const;

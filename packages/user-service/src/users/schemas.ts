import { userStatuses } from '../types.ts';
import { maxUserId } from './users-repository.ts';

export const addressSchema = {
  type: 'object',
  required: ['street', 'city', 'postalCode', 'country'],
  additionalProperties: false,
  properties: {
    street: { type: 'string', minLength: 1, maxLength: 200 },
    city: { type: 'string', minLength: 1, maxLength: 200 },
    postalCode: { type: 'string', minLength: 1, maxLength: 32 },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
} as const;

const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const email = { type: 'string', format: 'email', maxLength: 320 } as const;
const status = { type: 'string', enum: userStatuses } as const;

/** The provider's side of the contract: fastify serializes with it and drops every field it does not list. */
export const userSchema = {
  type: 'object',
  required: ['id', 'name', 'email', 'status', 'createdAt', 'address'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    email: { type: 'string' },
    status,
    createdAt: { type: 'string', format: 'date-time' },
    address: {
      type: 'object',
      required: ['street', 'city', 'postalCode', 'country'],
      properties: {
        street: { type: 'string' },
        city: { type: 'string' },
        postalCode: { type: 'string' },
        country: { type: 'string' },
      },
    },
  },
} as const;

export const userPageSchema = {
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: userSchema },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;

export const userIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: maxUserId } },
} as const;

export interface UserIdParams {
  id: number;
}

/** At most 100 comma-separated positive integers of at most 10 digits (every id fits; none loses precision). */
export const idsPattern = '^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,99}$';

export const listUsersQuerySchema = {
  type: 'object',
  properties: {
    ids: { type: 'string', pattern: idsPattern },
    email: { type: 'string', minLength: 1, maxLength: 320 },
    status,
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 2_147_483_647, default: 0 },
  },
} as const;

export interface ListUsersQuery {
  ids?: string;
  email?: string;
  status?: (typeof userStatuses)[number];
  limit: number;
  offset: number;
}

export const createUserBodySchema = {
  type: 'object',
  required: ['name', 'email', 'address'],
  additionalProperties: false,
  properties: { name, email, status, address: addressSchema },
} as const;

export const patchUserBodySchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { name, email, status, address: addressSchema },
} as const;

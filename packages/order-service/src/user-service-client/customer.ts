import { UserServiceError, UserServiceErrorCodes } from './errors.ts';

/**
 * What OrderService relies on from a UserService user. Only these fields are read and checked:
 * this reliance is exactly what the consumer's pact records.
 */
export interface Customer {
  id: number;
  name: string;
  email: string;
  status: 'active' | 'suspended';
  /** When the user signed up (UserService's `createdAt`), ISO-8601. */
  customerSince: string;
  address: { street: string; city: string; postalCode: string; country: string };
}

/** What the order listing relies on from the batch lookup: the customer's current name. */
export interface CustomerName {
  id: number;
  name: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(what: string): never {
  throw new UserServiceError(UserServiceErrorCodes.badResponse, `UserService sent an unexpected response: ${what}`);
}

function string(source: Json, key: string, where: string): string {
  const value = source[key];
  if (typeof value !== 'string') fail(`${where}.${key} should be a string`);
  return value;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function dateTime(source: Json, key: string, where: string): string {
  const value = source[key];
  if (typeof value !== 'string' || !isoDateTime.test(value)) fail(`${where}.${key} should be an ISO-8601 date-time`);
  return value;
}

function positiveInteger(source: Json, key: string, where: string): number {
  const value = source[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(`${where}.${key} should be an id`);
  return value;
}

export function parseCustomer(body: unknown, where = 'user'): Customer {
  if (!isObject(body)) fail(`${where} should be an object`);
  const status = body.status;
  if (status !== 'active' && status !== 'suspended') fail(`${where}.status should be "active" or "suspended"`);
  const address = body.address;
  if (!isObject(address)) fail(`${where}.address should be an object`);
  return {
    id: positiveInteger(body, 'id', where),
    name: string(body, 'name', where),
    email: string(body, 'email', where),
    status,
    customerSince: dateTime(body, 'createdAt', where),
    address: {
      street: string(address, 'street', `${where}.address`),
      city: string(address, 'city', `${where}.address`),
      postalCode: string(address, 'postalCode', `${where}.address`),
      country: string(address, 'country', `${where}.address`),
    },
  };
}

export function parseCustomerNames(body: unknown): CustomerName[] {
  if (!isObject(body) || !Array.isArray(body.items)) fail('the user list should have an "items" array');
  return body.items.map((item, index) => {
    const where = `items[${index}]`;
    if (!isObject(item)) fail(`${where} should be an object`);
    return { id: positiveInteger(item, 'id', where), name: string(item, 'name', where) };
  });
}

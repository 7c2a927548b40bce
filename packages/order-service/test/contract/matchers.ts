import { MatchersV3 } from '@pact-foundation/pact';
import { placeholderToken } from 'contract-kit/consumer';

const { datetime, integer, like, regex, string } = MatchersV3;

export const authorized = {
  Authorization: regex(/^Bearer \S+$/, `Bearer ${placeholderToken}`),
  Accept: 'application/json',
};
export const jsonContent = { 'Content-Type': regex(/^application\/json(;.*)?$/, 'application/json; charset=utf-8') };

/** A user as OrderService relies on it: exact where OrderService branches on the value, types elsewhere. */
export function userBody(overrides: { id?: unknown; status: 'active' | 'suspended' }) {
  return {
    id: overrides.id ?? integer(42),
    name: string('Ada Lovelace'),
    email: regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'ada@example.com'),
    status: overrides.status,
    createdAt: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSX", '2026-01-02T03:04:05.000Z'),
    address: like({ street: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' }),
  };
}

export function errorBody(code: string) {
  return { statusCode: integer(), code, message: string('what went wrong') };
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContractKitErrorCodes } from '../errors.ts';
import { computeCoverage, consumersOf } from './compute-coverage.ts';
import { formatCoverage } from './format.ts';

/** The project's own pact and UserService's OpenAPI document. */
const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));
const pact = read('../../../../pacts/OrderService-UserService.json');
const openapi = read('../../../user-service/openapi.json');

const operation = (coverage: ReturnType<typeof computeCoverage>, name: string) =>
  coverage.operations.find((o) => `${o.method} ${o.path}` === name);
const reliedFields = (coverage: ReturnType<typeof computeCoverage>, name: string, status: string) =>
  operation(coverage, name)
    ?.responses.find((r) => r.status === status)
    ?.fields.filter((f) => f.reliedOnBy.length > 0)
    .map((f) => f.path);

describe('coverage of UserService by the project pact', () => {
  const coverage = computeCoverage(openapi, [pact]);

  it('names the operations no consumer relies on', () => {
    expect(coverage.operations.filter((o) => o.reliedOnBy.length === 0).map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /health',
      'POST /users',
      'DELETE /users/{id}',
      'PATCH /users/{id}',
    ]);
  });

  it('lists the fields of a User that OrderService reads, and who relies on them', () => {
    expect(reliedFields(coverage, 'GET /users/{id}', '200')).toEqual([
      '$.id',
      '$.name',
      '$.email',
      '$.status',
      '$.createdAt',
      '$.address',
      '$.address.street',
      '$.address.city',
      '$.address.postalCode',
      '$.address.country',
    ]);
    expect(reliedFields(coverage, 'GET /users', '200')).toEqual(['$.items', '$.items[*].id', '$.items[*].name']);
    const id = operation(coverage, 'GET /users/{id}')?.responses[0]?.fields[0];
    expect(consumersOf(id?.reliedOnBy ?? [])).toEqual(['OrderService']);
    expect(id?.reliedOnBy.map((r) => r.interaction).sort()).toEqual([
      'a request for a suspended user',
      'a request for a user by the id UserService assigned',
      'a request for an active user',
    ]);
  });

  it('names the fields no consumer reads in a response it relies on', () => {
    const batch = operation(coverage, 'GET /users')?.responses.find((r) => r.status === '200');
    expect(batch?.fields.filter((f) => f.reliedOnBy.length === 0).map((f) => f.path)).toEqual([
      '$.items[*].email',
      '$.items[*].status',
      '$.items[*].createdAt',
      '$.items[*].address',
      '$.items[*].address.street',
      '$.items[*].address.city',
      '$.items[*].address.postalCode',
      '$.items[*].address.country',
      '$.total',
      '$.limit',
      '$.offset',
    ]);
  });

  it('sums it up', () => {
    expect(coverage.summary).toEqual({
      operations: 6,
      operationsCovered: 2,
      responses: 34,
      responsesCovered: 5,
      fields: 186,
      fieldsReliedOn: 22,
      consumers: ['OrderService'],
      interactions: 9,
    });
    expect(coverage.unmatched).toEqual([]);
    expect(formatCoverage(coverage, 'text').split('\n')[0]).toBe(
      'UserService: 2 of 6 operations covered (33%), 5 of 34 responses, 22 of 186 response fields relied on (12%); 1 consumer (OrderService), 9 interactions',
    );
  });

  it('counts a second consumer on the same field, and names a request no operation serves', () => {
    const other = structuredClone(pact);
    other.consumer.name = 'BillingService';
    other.interactions[8].request.path = '/accounts/42';
    const both = computeCoverage(openapi, [pact, other]);
    const id = operation(both, 'GET /users/{id}')?.responses[0]?.fields[0];
    expect(consumersOf(id?.reliedOnBy ?? [])).toEqual(['BillingService', 'OrderService']);
    expect(both.unmatched).toEqual([
      { consumer: 'BillingService', interaction: 'a request for an active user', request: 'GET /accounts/42' },
    ]);
  });

  it('draws every operation in the picture, relied-on fields in green', () => {
    const svg = formatCoverage(coverage, 'svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const name of ['GET /health', 'POST /users', 'GET /users/{id}', 'DELETE /users/{id}', 'PATCH /users/{id}']) {
      expect(svg).toContain(`>${name}</text>`);
    }
    expect(svg).toContain('<title>GET /users/{id} 200 $.email: relied on by OrderService: a request for');
    expect(svg).toMatch(/<rect [^>]*fill="#86efac"\/><text [^>]*>email<\/text>/);
    expect(svg).toMatch(/<rect [^>]*fill="#e5e7eb"\/><text [^>]*>total<\/text>/);
  });

  it('is the picture in the README (regenerate it with the command in the README when the pact changes)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../../docs/userservice-coverage.svg', import.meta.url)),
      'utf8',
    );
    expect(formatCoverage(coverage, 'svg')).toBe(committed);
  });

  it('refuses what is not a pact', () => {
    expect(() => computeCoverage(openapi, [{ nothing: true }])).toThrowError(
      expect.objectContaining({ code: ContractKitErrorCodes.pactInputInvalid }),
    );
  });
});

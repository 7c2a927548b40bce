import { afterEach, describe, expect, it } from 'vitest';
import {
  activeUser,
  closedPortUrl,
  type StubServer,
  sendJson,
  startStubServer,
} from '../../test/helpers/stub-server.ts';
import { UserServiceClient } from './client.ts';
import { UserServiceError, UserServiceErrorCodes } from './errors.ts';

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientAnswering(status: number, body: unknown, timeoutMs = 2_000) {
  stub = await startStubServer((_req, res) => sendJson(res, status, body));
  return new UserServiceClient({ baseUrl: stub.url, token: 'secret-token', timeoutMs });
}

async function failureOf(promise: Promise<unknown>): Promise<UserServiceError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserServiceError);
  return err as UserServiceError;
}

describe('UserServiceClient.getUser', () => {
  it('sends the bearer token and returns only what OrderService relies on', async () => {
    const client = await clientAnswering(200, { ...activeUser, extra: 'ignored' });
    await expect(client.getUser(42)).resolves.toEqual({
      id: 42,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      status: 'active',
      customerSince: '2026-01-02T03:04:05.000Z',
      address: activeUser.address,
    });
    expect(stub?.requests).toEqual([{ method: 'GET', url: '/users/42', authorization: 'Bearer secret-token' }]);
  });

  it.each([
    [404, UserServiceErrorCodes.notFound],
    [401, UserServiceErrorCodes.unauthorized],
    [403, UserServiceErrorCodes.forbidden],
    [400, UserServiceErrorCodes.rejected],
    [500, UserServiceErrorCodes.unavailable],
    [503, UserServiceErrorCodes.unavailable],
  ])('turns a %i into %s, keeping the upstream code', async (status, code) => {
    const client = await clientAnswering(status, {
      statusCode: status,
      code: 'UPSTREAM_CODE',
      error: 'x',
      message: 'y',
    });
    const err = await failureOf(client.getUser(42));
    expect({ code: err.code, status: err.status, upstreamCode: err.upstreamCode }).toEqual({
      code,
      status,
      upstreamCode: 'UPSTREAM_CODE',
    });
  });

  it.each([
    ['a missing address', { ...activeUser, address: undefined }, 'user.address should be an object'],
    ['an unknown status', { ...activeUser, status: 'deleted' }, 'user.status should be "active" or "suspended"'],
    ['a string id', { ...activeUser, id: '42' }, 'user.id should be an id'],
    [
      'a createdAt that is not a date-time',
      { ...activeUser, createdAt: 'yesterday' },
      'user.createdAt should be an ISO-8601 date-time',
    ],
    [
      'a numeric postal code',
      { ...activeUser, address: { ...activeUser.address, postalCode: 1 } },
      'user.address.postalCode should be a string',
    ],
  ])('rejects a user with %s as a bad response', async (_case, body, detail) => {
    const client = await clientAnswering(200, body);
    const err = await failureOf(client.getUser(42));
    expect(err.code).toBe(UserServiceErrorCodes.badResponse);
    expect(err.message).toBe(`UserService sent an unexpected response: ${detail}`);
  });

  it('rejects a 200 that is not JSON as a bad response', async () => {
    stub = await startStubServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(activeUser));
    });
    const client = new UserServiceClient({ baseUrl: stub.url, token: 't' });
    const err = await failureOf(client.getUser(42));
    expect(err.code).toBe(UserServiceErrorCodes.badResponse);
    expect(err.message).toBe('UserService answered user 42 with content-type "text/plain" instead of JSON');
  });

  it('sends no Authorization header when it has no token', async () => {
    stub = await startStubServer((_req, res) => sendJson(res, 200, activeUser));
    await new UserServiceClient({ baseUrl: stub.url }).getUser(42);
    expect(stub.requests[0]?.authorization).toBeUndefined();
  });

  it('reports a refused connection as unavailable', async () => {
    const client = new UserServiceClient({ baseUrl: await closedPortUrl(), token: 't' });
    const err = await failureOf(client.getUser(1));
    expect(err.code).toBe(UserServiceErrorCodes.unavailable);
    expect(err.status).toBeUndefined();
  });

  it('gives up after the timeout instead of hanging', async () => {
    stub = await startStubServer(() => {
      // never answers
    });
    const client = new UserServiceClient({ baseUrl: stub.url, token: 't', timeoutMs: 100 });
    const err = await failureOf(client.getUser(1));
    expect(err.code).toBe(UserServiceErrorCodes.unavailable);
    expect(err.message).toBe('UserService did not answer in time while fetching user 1');
  });
});

describe('UserServiceClient.getUserNames', () => {
  it('looks up unique ids in one sorted batch call', async () => {
    const client = await clientAnswering(200, {
      items: [
        { ...activeUser, id: 3 },
        { ...activeUser, id: 7, name: 'Grace' },
      ],
      total: 2,
      limit: 100,
      offset: 0,
    });
    await expect(client.getUserNames([7, 3, 7])).resolves.toEqual([
      { id: 3, name: 'Ada Lovelace' },
      { id: 7, name: 'Grace' },
    ]);
    expect(stub?.requests.map((r) => r.url)).toEqual(['/users?ids=3,7&limit=100']);
  });

  it('splits more than 100 ids into chunks of 100', async () => {
    const client = await clientAnswering(200, { items: [], total: 0, limit: 100, offset: 0 });
    const ids = Array.from({ length: 250 }, (_, i) => i + 1);
    await expect(client.getUserNames(ids)).resolves.toEqual([]);
    const sizes = stub?.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('ids')?.split(',').length);
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('rejects a list without items as a bad response', async () => {
    const client = await clientAnswering(200, [{ id: 1, name: 'x' }]);
    const err = await failureOf(client.getUserNames([1]));
    expect(err.code).toBe(UserServiceErrorCodes.badResponse);
  });
});

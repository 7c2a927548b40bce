import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  floodingServer,
  lyingEncodingServer,
  redirectingServer,
  silentTcpServer,
  tricklingServer,
  truncatingServer,
} from '../../test/helpers/misbehaving-server.ts';
import { activeUser, closedPortUrl, sendJson, startStubServer } from '../../test/helpers/stub-server.ts';
import { UserServiceClient } from './client.ts';
import { UserServiceError, UserServiceErrorCodes } from './errors.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function track<T extends { close(): Promise<void> }>(server: T): T {
  cleanups.push(() => server.close());
  return server;
}

async function failureOf(promise: Promise<unknown>): Promise<UserServiceError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserServiceError);
  return err as UserServiceError;
}

function summary(err: UserServiceError) {
  return { code: err.code, status: err.status, message: err.message };
}

describe('UserServiceClient against a misbehaving UserService', () => {
  it('refuses: a closed port is unavailable', async () => {
    const client = new UserServiceClient({ baseUrl: await closedPortUrl(), timeoutMs: 1_000 });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.unavailable,
      status: undefined,
      message: 'UserService could not be reached while fetching user 42',
    });
  });

  it('hangs: a server that accepts the connection and never sends a byte is given up on', async () => {
    const server = track(await silentTcpServer());
    const client = new UserServiceClient({ baseUrl: server.url, timeoutMs: 200 });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.unavailable,
      status: undefined,
      message: 'UserService did not answer in time while fetching user 42',
    });
  });

  it('drops the connection in the middle of its answer: unavailable', async () => {
    const server = track(await truncatingServer());
    const client = new UserServiceClient({ baseUrl: server.url });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.unavailable,
      status: undefined,
      message: 'UserService dropped the connection in the middle of its answer while fetching user 42',
    });
  });

  it('trickles: the deadline covers the body, not only the wait for headers', async () => {
    // 1,000 bytes at one per 100 ms would take 100 s: only a deadline over the whole exchange ends it.
    const server = track(await tricklingServer({ intervalMs: 100, totalBytes: 1_000 }));
    const client = new UserServiceClient({ baseUrl: server.url, timeoutMs: 300 });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.unavailable,
      status: undefined,
      message: 'UserService did not answer in time while fetching user 42',
    });
    await expect.poll(() => server.clientHungUp).toBe(true);
    expect(server.bodyBytesSent).toBeLessThan(1_000);
  });

  it('is slow across a batch: one deadline for the whole lookup, not one per chunk of 100 ids', async () => {
    // Each chunk is answered in 200 ms, well inside the 500 ms timeout; four chunks together are not.
    const server = track(
      await startStubServer((_req, res) => {
        setTimeout(() => sendJson(res, 200, { items: [], total: 0, limit: 100, offset: 0 }), 200);
      }),
    );
    const client = new UserServiceClient({ baseUrl: server.url, timeoutMs: 500 });
    const ids = Array.from({ length: 350 }, (_, i) => i + 1);
    const err = await failureOf(client.getUserNames(ids));
    expect({ code: err.code, status: err.status }).toEqual({
      code: UserServiceErrorCodes.unavailable,
      status: undefined,
    });
    expect(err.message).toMatch(/^UserService did not answer in time while fetching users /);
  });

  it('floods: an answer beyond the size cap is cut off and is a bad response', async () => {
    const total = 60 * 1024 * 1024;
    const server = track(await floodingServer(total));
    const client = new UserServiceClient({ baseUrl: server.url, timeoutMs: 10_000 });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.badResponse,
      status: 200,
      message: 'UserService answered user 42 with more than 1048576 bytes, the most OrderService reads',
    });
    await expect.poll(() => server.clientHungUp).toBe(true);
    expect(server.bodyBytesSent).toBeLessThan(total);
  });

  it('floods: the cap is a client option', async () => {
    const server = track(await floodingServer(10_000));
    const client = new UserServiceClient({ baseUrl: server.url, maxResponseBytes: 4_096 });
    expect((await failureOf(client.getUser(42))).message).toBe(
      'UserService answered user 42 with more than 4096 bytes, the most OrderService reads',
    );
    const generous = new UserServiceClient({ baseUrl: server.url, maxResponseBytes: 20_000 });
    await expect(generous.getUser(42)).resolves.toMatchObject({ id: activeUser.id });
  });

  it.each([301, 302, 303, 307, 308])('redirects (%i): never followed, a bad response', async (status) => {
    const servers = track(await redirectingServer(status));
    const client = new UserServiceClient({ baseUrl: servers.redirector.url });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.badResponse,
      status,
      message: `UserService answered user 42 with a redirect (${status}), which OrderService does not follow: check USER_SERVICE_URL`,
    });
    expect(servers.target.requests).toEqual([]);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes an honest %s body', async (encoding, compress) => {
    const server = track(
      await startStubServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
        res.end(compress(JSON.stringify(activeUser)));
      }),
    );
    const client = new UserServiceClient({ baseUrl: server.url });
    await expect(client.getUser(42)).resolves.toMatchObject({ id: 42, name: activeUser.name });
  });

  it('refuses a compressed answer that expands beyond the size cap', async () => {
    const server = track(
      await startStubServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify({ ...activeUser, notes: 'x'.repeat(5 * 1024 * 1024) })));
      }),
    );
    const client = new UserServiceClient({ baseUrl: server.url });
    expect((await failureOf(client.getUser(42))).message).toBe(
      'UserService answered user 42 with more than 1048576 bytes, the most OrderService reads',
    );
  });

  it('refuses an encoding it cannot decode', async () => {
    const server = track(await lyingEncodingServer('x-custom'));
    const client = new UserServiceClient({ baseUrl: server.url });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.badResponse,
      status: 200,
      message: 'UserService answered user 42 in content-encoding "x-custom", which OrderService cannot decode',
    });
  });

  it.each(['gzip', 'deflate', 'br'])('lies about its encoding (%s): a bad response', async (encoding) => {
    const server = track(await lyingEncodingServer(encoding));
    const client = new UserServiceClient({ baseUrl: server.url });
    expect(summary(await failureOf(client.getUser(42)))).toEqual({
      code: UserServiceErrorCodes.badResponse,
      status: 200,
      message: `UserService answered user 42 with a body that is not valid ${encoding}`,
    });
  });
});

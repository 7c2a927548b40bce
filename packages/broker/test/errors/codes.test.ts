import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBroker } from '../../src/app.ts';
import { readBrokerConfig } from '../../src/config.ts';
import { BrokerErrorCodes } from '../../src/errors.ts';
import { BASE, pact, testBroker } from '../helpers/broker.ts';

// The codes no other test of the broker asserts; every code is raised by some test (src/errors.test.ts checks).
describe('error codes', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function codeOf(request: InjectOptions) {
    app ??= await testBroker();
    const response = await app.inject(request);
    return { status: response.statusCode, code: response.json().code };
  }

  it('names an existing pacticipant on a second POST /pacticipants', async () => {
    await codeOf({ method: 'POST', url: '/pacticipants', payload: { name: 'Foo' } });
    expect(await codeOf({ method: 'POST', url: '/pacticipants', payload: { name: 'Foo' } })).toEqual({
      status: 409,
      code: BrokerErrorCodes.pacticipantExists,
    });
  });

  it('refuses a legacy pact PUT whose path names another consumer than the pact', async () => {
    const url = '/pacts/provider/Provider/consumer/Other/version/1.0.0';
    expect(await codeOf({ method: 'PUT', url, payload: pact('Consumer', 'Provider') })).toEqual({
      status: 400,
      code: BrokerErrorCodes.pacticipantNameMismatch,
    });
  });

  it('answers 404 for a verification result that does not exist', async () => {
    const url = '/pacts/provider/Provider/consumer/Consumer/pact-version/abc/verification-results/1';
    expect(await codeOf({ method: 'GET', url })).toEqual({
      status: 404,
      code: BrokerErrorCodes.verificationNotFound,
    });
  });

  it('answers 404 for the logs of a triggered webhook that does not exist', async () => {
    const url = '/triggered-webhooks/00000000-0000-4000-8000-000000000000/logs';
    expect(await codeOf({ method: 'GET', url })).toEqual({
      status: 404,
      code: BrokerErrorCodes.triggeredWebhookNotFound,
    });
  });

  it('answers 414 for a path segment over 16 KiB', async () => {
    expect(await codeOf({ method: 'GET', url: `/pacticipants/${'a'.repeat(17 * 1024)}` })).toEqual({
      status: 414,
      code: BrokerErrorCodes.urlTooLong,
    });
  });

  it('refuses a bad BROKER_* variable at start', () => {
    expect(() => readBrokerConfig({ BROKER_PORT: 'not-a-port' })).toThrow(
      expect.objectContaining({ code: BrokerErrorCodes.configInvalid }),
    );
  });

  it('does not start on a database its migrations cannot prepare, and names the migration', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'broker-migration-'));
    try {
      // A table of the first migration's name, made by something else: the migration's CREATE TABLE fails.
      const db = new Database(join(dataDir, 'broker.sqlite'));
      db.exec('CREATE TABLE pacticipants (unrelated TEXT)');
      db.close();
      await expect(buildBroker({ baseUrl: BASE, dataDir })).rejects.toMatchObject({
        code: BrokerErrorCodes.dbMigrationFailed,
        message: expect.stringMatching(/^Migration "0001-initial" failed: /),
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers 408 when Node gives up on a request too slow to arrive', async () => {
    // Node raises this only after the broker's 5-minute request timeout: the server is given the error it would
    // raise, on a socket of its own, and its answer is read back.
    const broker = await testBroker();
    try {
      let written = '';
      const socket = new Duplex({
        read() {},
        write(chunk, _encoding, done) {
          written += String(chunk);
          done();
        },
      });
      broker.server.emit(
        'clientError',
        Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
        socket,
      );
      expect(written.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      expect(JSON.parse(written.split('\r\n\r\n')[1] ?? '').code).toBe(BrokerErrorCodes.requestTimeout);
    } finally {
      await broker.close();
    }
  });

  it('does not start when a route has no entry in the auth policy', async () => {
    const broker = await testBroker();
    try {
      expect(() => broker.get('/a-route-nobody-planned', async () => ({}))).toThrow(
        expect.objectContaining({ code: BrokerErrorCodes.routeWithoutPolicy }),
      );
    } finally {
      await broker.close();
    }
  });
});

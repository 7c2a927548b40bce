import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishBody, testBroker } from '../helpers/broker.ts';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const WRITER = basic('writer', 'w-secret');
const READER = basic('reader', 'r-secret');

describe('auth', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testBroker({
      auth: {
        readWrite: { username: 'writer', password: 'w-secret' },
        readOnly: { username: 'reader', password: 'r-secret' },
        token: 'write-token',
        readOnlyToken: 'read-token',
      },
    });
  });
  afterAll(() => app.close());

  it('answers 401 with a challenge and the error shape when credentials are missing or wrong', async () => {
    for (const authorization of [undefined, basic('writer', 'nope'), 'Bearer nope']) {
      const response = await app.inject({ url: '/', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toEqual(['Basic realm="Pact Broker"', 'Bearer realm="Pact Broker"']);
      expect(response.json()).toMatchObject({ statusCode: 401, code: 'BROKER_UNAUTHORIZED' });
    }
  });

  it('lets the read-write user and token publish', async () => {
    for (const [authorization, version] of [
      [WRITER, '1'],
      ['Bearer write-token', '2'],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: '/contracts/publish',
        headers: { authorization },
        payload: publishBody({ consumer: 'Foo', version }),
      });
      expect(response.statusCode).toBe(200);
    }
  });

  it('lets read-only credentials read and select pacts, and answers 403 to their writes', async () => {
    for (const authorization of [READER, 'Bearer read-token']) {
      expect((await app.inject({ url: '/pacticipants/Foo', headers: { authorization } })).statusCode).toBe(200);
      const selection = await app.inject({
        method: 'POST',
        url: '/pacts/provider/Bar/for-verification',
        headers: { authorization },
        payload: {},
      });
      expect(selection.statusCode).toBe(200);
      const write = await app.inject({
        method: 'PUT',
        url: '/pacticipants/Foo/versions/1/tags/prod',
        headers: { authorization },
        payload: {},
      });
      expect(write.statusCode).toBe(403);
      expect(write.json()).toMatchObject({ statusCode: 403, code: 'BROKER_FORBIDDEN' });
    }
  });

  it('keeps the heartbeat public', async () => {
    expect((await app.inject('/diagnostic/status/heartbeat')).statusCode).toBe(200);
  });
});

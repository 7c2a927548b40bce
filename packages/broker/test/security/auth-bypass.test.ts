import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/start.ts';
import { publishBody } from '../helpers/broker.ts';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const WRITER = basic('writer', 'w-secret');
const READER = basic('reader', 'r-secret');

/** A raw request: fetch drops a URL's fragment, and the fragment is the attack. */
function send(
  broker: RunningBroker,
  method: string,
  path: string,
  authorization: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${broker.url}${path.replace(/#.*$/, '')}`,
      { method, path, headers: { authorization, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Read-only users got past the old URL-based check by making the raw URL end in /for-verification. */
describe('read-only credentials on routes that only look like for-verification', () => {
  let broker: RunningBroker;
  beforeAll(async () => {
    broker = await startBroker({
      auth: {
        readWrite: { username: 'writer', password: 'w-secret' },
        readOnly: { username: 'reader', password: 'r-secret' },
        token: 'write-token',
        readOnlyToken: 'read-token',
      },
    });
    const seeded = await send(
      broker,
      'POST',
      '/contracts/publish',
      WRITER,
      publishBody({ consumer: 'Foo', version: '1' }),
    );
    expect(seeded.status).toBe(200);
  });
  afterAll(() => broker.close());

  it.each([READER, 'Bearer read-token'])(
    'cannot publish through POST /contracts/publish#/for-verification (%s)',
    async (auth) => {
      const response = await send(
        broker,
        'POST',
        '/contracts/publish#/for-verification',
        auth,
        publishBody({ consumer: 'Foo', version: 'sneaky' }),
      );
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ statusCode: 403, code: 'BROKER_FORBIDDEN' });
      const version = await send(broker, 'GET', '/pacticipants/Foo/versions/sneaky', WRITER);
      expect(version.status).toBe(404);
    },
  );

  it('cannot create environments or record results through a # suffix', async () => {
    const environment = await send(broker, 'POST', '/environments#/for-verification', READER, { name: 'sneaky' });
    expect(environment.status).toBe(403);
    const result = await send(
      broker,
      'POST',
      '/pacts/provider/Bar/consumer/Foo/verification-results#/for-verification',
      READER,
      { success: false, providerApplicationVersion: '1' },
    );
    expect(result.status).toBe(403);
  });

  it('cannot create a webhook for a consumer named for-verification', async () => {
    const response = await send(broker, 'POST', '/webhooks/provider/Bar/consumer/for-verification', READER, {
      events: [{ name: 'contract_published' }],
      request: { method: 'POST', url: 'https://example.com/hook' },
    });
    expect(response.status).toBe(403);
    const list = await send(broker, 'GET', '/webhooks', WRITER);
    expect(JSON.parse(list.body)._embedded.webhooks).toEqual([]);
  });

  it('may still ask which pacts to verify', async () => {
    const response = await send(broker, 'POST', '/pacts/provider/Bar/for-verification', READER, {});
    expect(response.status).toBe(200);
  });
});

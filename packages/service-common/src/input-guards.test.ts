import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from './error-handling.ts';
import { nulMessage, registerInputGuards, unsafeNumberMessage } from './input-guards.ts';

const app = Fastify({ logger: false });
registerErrorHandling(app);
registerInputGuards(app);
let handled = 0;
app.get(
  '/n/:n',
  { schema: { params: { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 10 } } } } },
  async () => {
    handled += 1;
    return { ok: true };
  },
);
// No body schema: whatever JSON arrives is walked as it is.
app.post('/any', async () => {
  handled += 1;
  return { ok: true };
});

afterAll(() => app.close());

function finding(location: string, path: string, keyword: 'safeNumber' | 'noNul') {
  const message = keyword === 'noNul' ? nulMessage : unsafeNumberMessage;
  return {
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    error: 'Bad Request',
    message: `${location}${path} ${message}`,
    details: [{ location, path, keyword, params: {}, message }],
  };
}

describe('registerInputGuards', () => {
  it.each(['Infinity', '-Infinity', '1e400'])(
    'refuses %s, which ajv coerces to a non-finite number and then checks no bound of',
    async (n) => {
      const before = handled;
      const response = await app.inject({ url: `/n/${n}` });
      expect(response.json()).toEqual(finding('params', '/n', 'safeNumber'));
      expect(handled).toBe(before);
    },
  );

  it('lets ordinary values through', async () => {
    const response = await app.inject({ method: 'POST', url: '/any?q=x', payload: { a: [1, 2.5, 'é', null, true] } });
    expect(response.json()).toEqual({ ok: true });
  });

  it('refuses an integer that lost precision in JSON.parse', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/any',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":{"b":[1,9007199254740993]}}',
    });
    expect(response.json()).toEqual(finding('body', '/a/b/1', 'safeNumber'));
  });

  it('finds NUL in values, keys and the query, and names the first in document order', async () => {
    const inValue = await app.inject({
      method: 'POST',
      url: '/any',
      payload: { a: 'ok', b: ['x\u0000'], c: '\u0000' },
    });
    expect(inValue.json()).toEqual(finding('body', '/b/0', 'noNul'));
    const inKey = await app.inject({ method: 'POST', url: '/any', payload: { 'a/~\u0000': 1 } });
    expect(inKey.json()).toEqual(finding('body', '/a~1~0\u0000', 'noNul'));
    const inQuery = await app.inject({ method: 'POST', url: '/any?q=a%00', payload: {} });
    expect(inQuery.json()).toEqual(finding('querystring', '/q', 'noNul'));
  });

  it('walks a body nested deeper than the call stack without overflowing it', async () => {
    const depth = 200_000;
    const payload = `${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`;
    const response = await app.inject({
      method: 'POST',
      url: '/any',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].keyword).toBe('noNul');
  });
});

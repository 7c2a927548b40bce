import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { frameworkErrors, registerErrorHandling } from './error-handling.ts';
import { CommonErrorCodes, RouterErrorCodes, ServiceError } from './errors.ts';

const app = Fastify({ logger: false, frameworkErrors });
registerErrorHandling(app);
app.post(
  '/echo',
  { schema: { body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } },
  async (request) => request.body,
);
app.get('/teapot', async () => {
  throw new ServiceError(418, 'TEAPOT', 'I am a teapot', { details: { brew: 'tea' } });
});
app.get('/items/:id', async () => ({ ok: true }));
app.get('/crash', async () => {
  throw new Error('connection to db-internal-7 at 10.1.2.3 refused');
});

afterAll(() => app.close());

describe('registerErrorHandling', () => {
  it('turns a ServiceError into the error shape with its details', async () => {
    const response = await app.inject({ url: '/teapot' });
    expect(response.statusCode).toBe(418);
    expect(response.json()).toEqual({
      statusCode: 418,
      code: 'TEAPOT',
      error: "I'm a Teapot",
      message: 'I am a teapot',
      details: { brew: 'tea' },
    });
  });

  it('answers validation failures with 400 and the ajv errors', async () => {
    const response = await app.inject({ method: 'POST', url: '/echo', payload: { n: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      code: CommonErrorCodes.validationFailed,
      error: 'Bad Request',
      message: 'body/n must be integer',
      details: [
        { location: 'body', path: '/n', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' },
      ],
    });
  });

  it('answers malformed JSON with 400 MALFORMED_BODY', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"n": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(CommonErrorCodes.malformedBody);
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<n/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe(CommonErrorCodes.unsupportedMediaType);
  });

  it('never leaks the internals of a 5xx', async () => {
    const response = await app.inject({ url: '/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      code: CommonErrorCodes.internal,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; it has been logged.',
    });
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/missing?x=1' });
    expect(response.json()).toEqual({
      statusCode: 404,
      code: CommonErrorCodes.routeNotFound,
      error: 'Not Found',
      message: 'No route for DELETE /missing?x=1',
    });
  });

  it("answers a path that is not valid percent-encoding with 400 MALFORMED_URL, not the router's own body", async () => {
    const response = await app.inject({ url: '/items/%zz' });
    expect(response.json()).toEqual({
      statusCode: 400,
      code: RouterErrorCodes.malformedUrl,
      error: 'Bad Request',
      message: 'The URL path is not valid percent-encoding: each "%" must be followed by two hexadecimal digits',
    });
  });

  it('answers a path parameter over 100 characters with 414 URL_TOO_LONG', async () => {
    const response = await app.inject({ url: `/items/${'x'.repeat(101)}` });
    expect(response.json()).toEqual({
      statusCode: 414,
      code: RouterErrorCodes.urlTooLong,
      error: 'URI Too Long',
      message: 'A segment of the URL path is longer than 100 characters',
    });
  });
});

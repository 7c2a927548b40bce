import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/publish_pact_all_in_one_spec.rb', () => {
  const broker = freshBroker();
  const contract = { consumer: { name: 'Foo' }, provider: { name: 'Bar' }, interactions: [] };
  const body = (content: string | Buffer = JSON.stringify(contract)) => ({
    pacticipantName: 'Foo',
    pacticipantVersionNumber: '1',
    branch: 'main',
    tags: ['a', 'b'],
    buildUrl: 'http://ci/builds/1234',
    contracts: [
      {
        consumerName: 'Foo',
        providerName: 'Bar',
        specification: 'pact',
        contentType: 'application/json',
        content: Buffer.from(content).toString('base64'),
        onConflict: 'overwrite',
      },
    ],
  });
  const post = (payload: unknown, accept = 'application/hal+json') =>
    broker.app.inject({ method: 'POST', url: '/contracts/publish', payload: payload as object, headers: { accept } });

  it('is a HAL JSON success response; creates a pact', async () => {
    const response = await post(body());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect((await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).json().consumer.name).toBe('Foo');
  });

  it('with a validation error: returns a validation error response', async () => {
    const { pacticipantName: _, ...missing } = body();
    const response = await post(missing);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.pacticipantName).toBeDefined();
  });

  describe('with a contract that contains a non utf-8 char', () => {
    const bad = Buffer.concat([Buffer.from('{"key": "ABCDEFG'), Buffer.from([0x8f]), Buffer.from('DEF" }')]);

    it('status 400, media type application/hal+json', async () => {
      const response = await post(body(bad));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/hal\+json/);
    });

    it('when client accepts application/problem+json: status 400, media type application/problem+json', async () => {
      const response = await post(body(bad), 'application/problem+json');
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 400,
        title: 'Bad Request',
        type: 'http://broker.test/problem/broker-invalid-request',
        code: 'BROKER_INVALID_REQUEST',
      });
    });
  });

  describe('with a conflicting pact', () => {
    it('status 409; returns notices; returns errors', async () => {
      await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar' });
      const response = await post(body());
      expect(response.statusCode).toBe(409);
      expect(Array.isArray(response.json().notices)).toBe(true);
      expect(response.json().errors.contracts).toHaveLength(1);
    });
  });
});

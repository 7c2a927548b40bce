import { describe, expect, it } from 'vitest';
import { createAmqpTransport, EventsErrorCodes } from '../src/index.ts';

// What needs no RabbitMQ; the rest of the AMQP transport is tested by `npm run test:rabbitmq`.
describe('createAmqpTransport', () => {
  it('refuses a URL that is not amqp:// or amqps://, without its password in the message', async () => {
    await expect(createAmqpTransport({ url: 'http://user:secret@127.0.0.1:5672/' })).rejects.toMatchObject({
      code: EventsErrorCodes.badUrl,
      message: 'AMQP_URL must start with amqp:// or amqps://, got "http://user:***@127.0.0.1:5672/"',
    });
  });
});

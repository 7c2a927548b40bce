import { createAmqpTransport } from './amqp.ts';
import { createInProcessTransport } from './in-process.ts';
import type { EventTransport } from './transport.ts';

/** RabbitMQ when an AMQP URL is given (a service reads it from AMQP_URL at its edge), otherwise in-process. */
export async function openTransport(options: {
  amqpUrl?: string | undefined;
  exchange?: string;
  onEvent?: Parameters<typeof createAmqpTransport>[0]['onEvent'];
}): Promise<EventTransport> {
  if (!options.amqpUrl) return createInProcessTransport();
  return createAmqpTransport({
    url: options.amqpUrl,
    ...(options.exchange ? { exchange: options.exchange } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
}

import { describe, expect, it } from 'vitest';
import { bindingMatches, createInProcessTransport, type DeliveredMessage, EventsErrorCodes } from '../src/index.ts';

describe('in-process transport', () => {
  it('delivers to each queue whose bindings match, in publish order, after publish returned', async () => {
    const transport = createInProcessTransport();
    const seen: string[] = [];
    const other: string[] = [];
    await transport.subscribe({ queue: 'a', bindings: ['user.*'], handler: async (m) => void seen.push(m.messageId) });
    await transport.subscribe({
      queue: 'b',
      bindings: ['order.#'],
      handler: async (m) => void other.push(m.messageId),
    });
    await transport.publish({ routingKey: 'user.suspended', messageId: '1', body: { n: 1 } });
    await transport.publish({ routingKey: 'user.reactivated', messageId: '2', body: { n: 2 } });
    expect(seen).toEqual([]);
    await transport.whenIdle();
    expect(seen).toEqual(['1', '2']);
    expect(other).toEqual([]);
  });

  it('delivers a message again, flagged redelivered, when the handler rejects', async () => {
    const transport = createInProcessTransport();
    const deliveries: DeliveredMessage[] = [];
    await transport.subscribe({
      queue: 'q',
      bindings: ['#'],
      handler: async (m) => {
        deliveries.push(m);
        if (deliveries.length === 1) throw new Error('database busy');
      },
    });
    await transport.publish({ routingKey: 'x', messageId: 'm', body: {} });
    await transport.whenIdle();
    expect(deliveries.map((d) => d.redelivered)).toEqual([false, true]);
  });

  it('drops a message that keeps failing after maxAttempts, and says so', async () => {
    const dropped: string[] = [];
    const transport = createInProcessTransport({ maxAttempts: 3, onDropped: (m) => dropped.push(m.messageId) });
    let calls = 0;
    await transport.subscribe({
      queue: 'q',
      bindings: ['#'],
      handler: async () => {
        calls += 1;
        throw new Error('always');
      },
    });
    await transport.publish({ routingKey: 'x', messageId: 'poison', body: {} });
    await transport.whenIdle();
    expect(calls).toBe(3);
    expect(dropped).toEqual(['poison']);
  });

  it('hands consumers a copy of the body, never the producer object', async () => {
    const transport = createInProcessTransport();
    const body = { list: [1] };
    let received: unknown;
    await transport.subscribe({
      queue: 'q',
      bindings: ['#'],
      handler: async (m) => {
        received = m.body;
      },
    });
    await transport.publish({ routingKey: 'x', messageId: 'm', body });
    await transport.whenIdle();
    expect(received).toEqual(body);
    expect(received).not.toBe(body);
  });

  it('refuses a second consumer on a queue and publishing once closed', async () => {
    const transport = createInProcessTransport();
    await transport.subscribe({ queue: 'q', bindings: ['#'], handler: async () => {} });
    await expect(transport.subscribe({ queue: 'q', bindings: ['#'], handler: async () => {} })).rejects.toMatchObject({
      code: EventsErrorCodes.transportUnavailable,
    });
    await transport.close();
    await expect(transport.publish({ routingKey: 'x', messageId: 'm', body: {} })).rejects.toMatchObject({
      code: EventsErrorCodes.transportClosed,
    });
  });
});

describe('topic bindings', () => {
  it.each([
    ['user.*', 'user.suspended', true],
    ['user.*', 'user.email.changed', false],
    ['user.#', 'user.email.changed', true],
    ['#', 'anything.at.all', true],
    ['user.suspended', 'user.reactivated', false],
    ['*.suspended', 'user.suspended', true],
  ])('%s against %s: %s', (binding, key, expected) => {
    expect(bindingMatches(binding, key)).toBe(expected);
  });
});

import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { checkBroker } from '../../src/broker-client/http.ts';
import { ContractKitErrorCodes } from '../../src/errors.ts';

/**
 * A broker that never answers fails with the whole deadline the user set, not with what was left
 * of it when the first request went out: a clock that ticks between the two must not change the
 * message (it once said "within 399 ms" for a 400 ms budget on a busy machine).
 */

const sockets = new Set<Socket>();
let silent: Server;
let url: string;

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

it('names the configured deadline when the clock has moved before the first attempt', async () => {
  const realNow = Date.now;
  let calls = 0;
  // The second reading (the first attempt's "remaining") is 50 ms after the deadline was set.
  const now = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + (calls++ >= 1 ? 50 : 0));
  try {
    await expect(checkBroker({ url, timeoutMs: 300 })).rejects.toMatchObject({
      code: ContractKitErrorCodes.brokerUnreachable,
      message: expect.stringContaining('(no answer within 300 ms)'),
    });
  } finally {
    now.mockRestore();
  }
});

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of RabbitMQ that a test can cut: every connection through it drops at once and new ones
 * are refused until it is restored, on the same port. That is a network cut: RabbitMQ itself keeps running (and
 * sees its clients vanish), unlike the restart in rabbitmq-node.ts.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        // RabbitMQ's side goes through `forward`, so that a stall can hold it back.
        upstream.on('data', (chunk: Buffer) => forward(client, chunk));
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });

  /** While stalled, what RabbitMQ sends waits here, in order, per client connection. */
  let held: [Socket, Buffer][] | undefined;
  const forward = (client: Socket, chunk: Buffer) => {
    if (held) held.push([client, chunk]);
    else if (!client.destroyed) client.write(chunk);
  };

  await listen();
  return {
    get url() {
      return `amqp://guest:guest@127.0.0.1:${port}`;
    },
    async cut() {
      const closing = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
    },
    restore: listen,
    /**
     * RabbitMQ stays connected and gets everything clients send, but nothing it answers reaches them (no confirms,
     * no heartbeats) until `resume`: a broker that takes messages and never confirms them.
     */
    stall() {
      held ??= [];
    },
    resume() {
      const waiting = held ?? [];
      held = undefined;
      for (const [client, chunk] of waiting) if (!client.destroyed) client.write(chunk);
    },
    close() {
      return this.cut();
    },
  };
}

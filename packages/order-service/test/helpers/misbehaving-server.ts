import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { activeUser, type StubServer, startStubServer } from './stub-server.ts';

/**
 * UserServices that break the rules in the ways a real network or a broken deployment does. Each listens on
 * port 0 at 127.0.0.1 and reports what it managed to send, so a test can tell that OrderService hung up early.
 */
export interface MisbehavingServer {
  url: string;
  /** Body bytes written before the client went away or the server finished. */
  readonly bodyBytesSent: number;
  /** True once the client closed the connection before the whole answer was sent. */
  readonly clientHungUp: boolean;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** Answers every request with a valid user, the `body` of which is written by `writeBody`. */
async function httpServer(
  writeBody: (res: ServerResponse, progress: { sent(bytes: number): void; isClosed(): boolean }) => void,
  headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' },
): Promise<MisbehavingServer> {
  let bodyBytesSent = 0;
  let clientHungUp = false;
  const server = createHttpServer((_req, res) => {
    let finished = false;
    res.on('finish', () => {
      finished = true;
    });
    res.on('close', () => {
      if (!finished) clientHungUp = true;
    });
    res.writeHead(200, headers);
    // Headers go out at once, before any body byte, as a UserService under load would send them.
    res.flushHeaders();
    writeBody(res, { sent: (bytes) => (bodyBytesSent += bytes), isClosed: () => res.destroyed || finished });
  });
  const url = await listen(server);
  return {
    url,
    get bodyBytesSent() {
      return bodyBytesSent;
    },
    get clientHungUp() {
      return clientHungUp;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const userJson = JSON.stringify(activeUser);

/** Sends the headers at once, then a valid user one byte every `intervalMs`, padded to `totalBytes`. */
export function tricklingServer(options: { intervalMs: number; totalBytes: number }): Promise<MisbehavingServer> {
  const padding = ' '.repeat(Math.max(0, options.totalBytes - userJson.length));
  const body = Buffer.from(`${padding}${userJson}`);
  return httpServer((res, progress) => {
    let offset = 0;
    const timer = setInterval(() => {
      if (progress.isClosed()) return clearInterval(timer);
      res.write(body.subarray(offset, offset + 1));
      progress.sent(1);
      offset += 1;
      if (offset === body.length) {
        clearInterval(timer);
        res.end();
      }
    }, options.intervalMs);
    res.on('close', () => clearInterval(timer));
  });
}

/** Sends a valid user whose `notes` field is `totalBytes` long, as fast as the client reads it. */
export function floodingServer(totalBytes: number): Promise<MisbehavingServer> {
  const head = Buffer.from(`${userJson.slice(0, -1)},"notes":"`);
  const tail = Buffer.from('"}');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  return httpServer((res, progress) => {
    let remaining = totalBytes;
    res.write(head);
    progress.sent(head.length);
    const pump = (): void => {
      while (remaining > 0 && !progress.isClosed()) {
        const piece = remaining >= chunk.length ? chunk : chunk.subarray(0, remaining);
        remaining -= piece.length;
        progress.sent(piece.length);
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (remaining === 0 && !progress.isClosed()) {
        progress.sent(tail.length);
        res.end(tail);
      }
    };
    pump();
  });
}

/** Promises `content-length` bytes, sends a few, and closes the connection. */
export function truncatingServer(): Promise<MisbehavingServer> {
  return httpServer(
    (res, progress) => {
      res.write(userJson.slice(0, 10));
      progress.sent(10);
      res.socket?.destroy();
    },
    { 'content-type': 'application/json', 'content-length': String(userJson.length) },
  );
}

/** Claims `content-encoding` (gzip by default) but sends plain JSON. */
export function lyingEncodingServer(encoding = 'gzip'): Promise<MisbehavingServer> {
  return httpServer(
    (res, progress) => {
      progress.sent(userJson.length);
      res.end(userJson);
    },
    { 'content-type': 'application/json', 'content-encoding': encoding },
  );
}

/** Accepts TCP connections and never says a word: not even a status line. */
export async function silentTcpServer(): Promise<MisbehavingServer> {
  const sockets = new Set<Socket>();
  let clientHungUp = false;
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      clientHungUp = true;
      sockets.delete(socket);
    });
    socket.on('error', () => {});
  });
  const url = await listen(server);
  return {
    url,
    bodyBytesSent: 0,
    get clientHungUp() {
      return clientHungUp;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Redirects every request to the same path on `target` (another port), which answers a valid user. */
export async function redirectingServer(
  status = 302,
): Promise<{ redirector: StubServer; target: StubServer; close(): Promise<void> }> {
  const target = await startStubServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(userJson);
  });
  const redirector = await startStubServer((req, res) => {
    res.writeHead(status, { location: `${target.url}${req.url ?? '/'}`, 'content-type': 'application/json' });
    res.end('{}');
  });
  return {
    redirector,
    target,
    close: async () => {
      await redirector.close();
      await target.close();
    },
  };
}

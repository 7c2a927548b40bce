import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubServer {
  url: string;
  /** Every request the stub received, in order. */
  requests: { method: string; url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A scripted HTTP server on an ephemeral port, for tests about OrderService's own handling of
 * UserService answers (error mapping, parsing, timeouts). What UserService really answers is
 * covered by the contract tests and the integration test.
 */
export async function startStubServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<StubServer> {
  const requests: StubServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** A port that was free a moment ago and has nothing listening: connections are refused. */
export async function closedPortUrl(): Promise<string> {
  const stub = await startStubServer(() => {});
  await stub.close();
  return stub.url;
}

export const activeUser = {
  id: 42,
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  status: 'active',
  createdAt: '2026-01-02T03:04:05.000Z',
  address: { street: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
} as const;

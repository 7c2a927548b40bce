import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface HttpInteraction {
  description: string;
  providerStates?: { name: string }[];
  request: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    headers?: Record<string, string | string[]>;
  };
  response: { status: number; headers?: Record<string, string | string[]>; body?: unknown };
}

/** A V4 asynchronous message: the verifier asks the provider for it by description. */
interface MessageInteraction {
  description: string;
  request?: undefined;
  contents?: { content?: unknown; contentType?: string };
  metadata?: Record<string, unknown>;
}

type Interaction = HttpInteraction | MessageInteraction;

const isHttp = (i: Interaction): i is HttpInteraction => i.request !== undefined;

/** The message the verifier asked for (a POST naming its description), as the pact itself expects it. */
function replayMessage(interactions: Interaction[], body: string): MessageInteraction | undefined {
  let asked: { description?: unknown };
  try {
    asked = JSON.parse(body) as { description?: unknown };
  } catch {
    return undefined;
  }
  return interactions.find((i): i is MessageInteraction => !isHttp(i) && i.description === asked.description);
}

/**
 * A provider for the browser suite's verifications: it answers each request with the response the pact itself
 * expects (or, with `break`, a 500), so the official verifier has something real to verify and publish.
 * The provider state the verifier last set up picks between interactions on the same path.
 */
export async function startReplayer(pact: { interactions: Interaction[] }, options: { break?: boolean } = {}) {
  let state = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://replayer');
      if (url.pathname === '/_state') {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { state?: string; action?: string };
        if (body.action !== 'teardown') state = body.state ?? '';
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const message =
        req.method === 'POST' ? replayMessage(pact.interactions, Buffer.concat(chunks).toString()) : undefined;
      if (message && !options.break) {
        const metadata = Buffer.from(JSON.stringify(message.metadata ?? {})).toString('base64');
        res
          .writeHead(200, {
            'content-type': message.contents?.contentType ?? 'application/json',
            'pact-message-metadata': metadata,
          })
          .end(JSON.stringify(message.contents?.content ?? null));
        return;
      }
      const candidates = pact.interactions
        .filter(isHttp)
        .filter((i) => i.request.method.toUpperCase() === req.method && i.request.path === url.pathname);
      // The interaction closest to this request: its state, then its query and headers, decide.
      const score = (i: HttpInteraction) => {
        let points = (i.providerStates ?? []).some((s) => s.name === state) ? 10 : 0;
        for (const [name, values] of Object.entries(i.request.query ?? {})) {
          if (url.searchParams.getAll(name).join(',') === values.join(',')) points += 1;
        }
        const expected = Object.fromEntries(
          Object.entries(i.request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
        );
        for (const [name, value] of Object.entries(expected)) {
          const got = req.headers[name];
          points += got === value ? 3 : got ? 1 : -3;
        }
        if (req.headers.authorization && !expected.authorization) points -= 3;
        return points;
      };
      const match = [...candidates].sort((a, b) => score(b) - score(a))[0];
      if (!match || options.break) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('this provider is broken on purpose');
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(match.response.headers ?? {}))
        headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const body = match.response.body;
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['content-type'] = 'application/json';
      }
      const content = (body as { content?: unknown } | undefined)?.content ?? body;
      res.writeHead(match.response.status, headers).end(content === undefined ? undefined : JSON.stringify(content));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

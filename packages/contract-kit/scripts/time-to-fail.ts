/**
 * How long the built CLI takes to fail against a broker that refuses connections, one that accepts
 * them and never answers, and one that answers its index and then stops answering, at the default
 * deadline (CONTRACT_KIT_BROKER_TIMEOUT_MS unset: 10 s). Needs a build (`npm run build -w contract-kit`).
 *   npx tsx --conditions=@contract-kit/source packages/contract-kit/scripts/time-to-fail.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker } from '@contract-kit/broker';

const bin = fileURLToPath(new URL('../bin/contract-kit.js', import.meta.url));
const sockets = new Set<Socket>();

function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

function timeCli(url: string, args: string[]): Promise<{ ms: number; code: number | null; said: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, PACT_BROKER_BASE_URL: url, PACT_VERSION: '1', PACT_BRANCH: 'main' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk;
    });
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, said: said.trim() }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ck-time-to-fail-'));
const pact = join(dir, 'Web-Api.json');
writeFileSync(
  pact,
  JSON.stringify({
    consumer: { name: 'Web' },
    provider: { name: 'Api' },
    interactions: [{ description: 'a ping', request: { method: 'GET', path: '/ping' }, response: { status: 200 } }],
    metadata: { pactSpecification: { version: '3.0.0' } },
  }),
);
const definition = join(dir, 'provider.mjs');
writeFileSync(definition, "export default { provider: 'Api', baseUrl: 'http://127.0.0.1:9' };\n");

const closed = createTcpServer();
const refusing = await listen(closed);
await new Promise((resolve) => closed.close(resolve));
const silent = createTcpServer((socket) => void sockets.add(socket));
const silentUrl = await listen(silent);
const real = await startBroker({ logger: false });
const index = await (await fetch(`${real.url}/`)).text();
await real.close();
let afterIndexUrl = '';
const afterIndex = createHttpServer((request, response) => {
  sockets.add(request.socket);
  if (request.url === '/')
    response.writeHead(200, { 'content-type': 'application/hal+json' }).end(index.replaceAll(real.url, afterIndexUrl));
});
afterIndexUrl = await listen(afterIndex);

const commands: [string, string[]][] = [
  ['publish', ['publish', pact]],
  ['can-i-deploy', ['can-i-deploy', '--pacticipant', 'Web', '--version', '1']],
  ['verify (broker selection)', ['verify', '--provider', definition]],
];
console.log('| broker | command | exit | seconds to fail | says |\n|---|---|---|---|---|');
for (const [broker, url] of [
  ['refuses', refusing],
  ['hangs at once', silentUrl],
  ['answers GET /, then hangs', afterIndexUrl],
] as const) {
  for (const [name, args] of commands) {
    const { ms, code, said } = await timeCli(url, args);
    const step = /did not answer while (.*?) \(/.exec(said)?.[1] ?? said.slice(0, 80);
    console.log(`| ${broker} | ${name} | ${code} | ${(ms / 1000).toFixed(2)} | ${step} |`);
  }
}
for (const socket of sockets) socket.destroy();
silent.close();
afterIndex.closeAllConnections();
afterIndex.close();
rmSync(dir, { recursive: true, force: true });

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker } from '@contract-kit/broker';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canIDeploy, ensureEnvironment, publishPacts, recordDeployment } from '../../src/broker-client/operations.ts';
import type { BrokerConnection } from '../../src/config/kit-config.ts';
import { ContractKitErrorCodes } from '../../src/errors.ts';
import { verifyProvider } from '../../src/provider/verify-provider.ts';

/**
 * Every broker step of the kit has a deadline (CONTRACT_KIT_BROKER_TIMEOUT_MS): a broker that
 * refuses, that accepts connections and never answers, or that answers its index and then stops
 * answering fails the step with CK_BROKER_UNREACHABLE naming the broker's URL and the step.
 * Real TCP and HTTP servers misbehave here; the deadline is short so the suite stays quick.
 */

// Short where the broker never answers; longer where the kit must first get the index from a real
// server, so that a busy machine cannot make that first answer miss the deadline.
const timeoutMs = 400;
const afterIndexTimeoutMs = 3000;
const sockets = new Set<Socket>();
let refusing: string;
let silent: TcpServer;
let silentUrl: string;
let afterIndex: Server;
let afterIndexUrl: string;
let dir: string;
let pactFile: string;

function listen(server: TcpServer | Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

beforeAll(async () => {
  const closed = createTcpServer();
  refusing = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));

  // Accepts the connection, reads the request, never answers.
  silent = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  silentUrl = await listen(silent);

  // Answers GET / with a real broker's index (so the official client goes on to its next request,
  // every link pointing here), then never answers anything else.
  const real = await startBroker({ logger: false });
  const index = await (await fetch(`${real.url}/`)).text();
  await real.close();
  afterIndex = createHttpServer((request, response) => {
    sockets.add(request.socket);
    if (request.method === 'GET' && request.url === '/') {
      response.writeHead(200, { 'content-type': 'application/hal+json' });
      response.end(index.replaceAll(real.url, afterIndexUrl));
    }
    // Anything else hangs: headers never come.
  });
  afterIndexUrl = await listen(afterIndex);

  dir = mkdtempSync(join(tmpdir(), 'ck-misbehaving-'));
  pactFile = join(dir, 'Web-Api.json');
  writeFileSync(
    pactFile,
    JSON.stringify({
      consumer: { name: 'Web' },
      provider: { name: 'Api' },
      interactions: [{ description: 'a ping', request: { method: 'GET', path: '/ping' }, response: { status: 200 } }],
      metadata: { pactSpecification: { version: '3.0.0' } },
    }),
  );
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  afterIndex.closeAllConnections();
  await new Promise((resolve) => afterIndex.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const brokers = () =>
  [
    ['refuses connections', refusing, /reading its index \(GET \/\) \(ECONNREFUSED\)/],
    ['accepts and never answers', silentUrl, /reading its index \(GET \/\) \(no answer within 400 ms\)/],
  ] as const;

function unreachable(url: string, step: RegExp) {
  return expect.objectContaining({
    code: ContractKitErrorCodes.brokerUnreachable,
    message: expect.stringMatching(new RegExp(`^The Pact Broker at ${url} did not answer while ${step.source}`)),
  });
}

const api = (broker: BrokerConnection) => ({
  publish: () => publishPacts(broker, { pacts: [pactFile], version: '1', branch: 'main' }),
  'can-i-deploy': () => canIDeploy(broker, { pacticipant: 'Web', version: '1', environment: 'production' }),
  'record-deployment': () => recordDeployment(broker, { pacticipant: 'Web', version: '1', environment: 'production' }),
  'create-environment': () => ensureEnvironment(broker, 'production', true),
  'verify (broker selection)': () =>
    verifyProvider({
      provider: 'Api',
      app: () => Fastify(),
      source: { broker, providerBranch: 'main', selectors: [{ mainBranch: true }], enablePending: true },
    }),
  'verify (PACT_URL)': () =>
    verifyProvider({ provider: 'Api', app: () => Fastify(), source: { pactUrl: `${broker.url}/pacts/one`, broker } }),
});

// Each case waits out a deadline against its own request: they run side by side, not one deadline after another.
describe.concurrent('a broker that does not answer its index', () => {
  for (const command of Object.keys(api({ url: 'http://x' }))) {
    it.each([0, 1])(`${command} fails with the URL and the step (broker %#)`, async (index) => {
      const [, url, step] = brokers()[index]!;
      const run = api({ url, timeoutMs })[command as keyof ReturnType<typeof api>];
      const pactUrlStep = /fetching the pact .*\/pacts\/one/;
      await expect(run()).rejects.toEqual(unreachable(url, command === 'verify (PACT_URL)' ? pactUrlStep : step));
    });
  }
});

describe.concurrent('a broker that answers its index, then stops answering', () => {
  it.each([
    ['publish', /publishing .*Web-Api\.json \(pact-broker publish did not finish within 3000 ms\)/],
    [
      'can-i-deploy',
      /asking can-i-deploy for Web 1 to production \(pact-broker can-i-deploy did not finish within 3000 ms\)/,
    ],
    [
      'record-deployment',
      /recording the deployment of Web 1 to production \(pact-broker record-deployment did not finish/,
    ],
    ['create-environment', /listing environments \(no answer within 3000 ms\)/],
    [
      'verify (broker selection)',
      /asking which pacts Api must verify \(POST \/pacts\/provider\/Api\/for-verification\) \(no answer within 3000 ms\)/,
    ],
  ])('%s fails with the URL and the step', async (command, step) => {
    const run = api({ url: afterIndexUrl, timeoutMs: afterIndexTimeoutMs })[command as keyof ReturnType<typeof api>];
    await expect(run()).rejects.toEqual(unreachable(afterIndexUrl, step));
  });

  it('verify fails when the verifier cannot fetch the pact the broker named', async () => {
    // The broker lists a pact whose URL then hangs: the kit notices that nothing reaches the provider.
    const listing = createHttpServer((request, response) => {
      sockets.add(request.socket);
      if (request.url === '/') {
        response.writeHead(200, { 'content-type': 'application/hal+json' }).end('{"_links":{}}');
        return;
      }
      if (request.method === 'POST') {
        const pact = {
          href: `${afterIndexUrl}/pacts/provider/Api/consumer/Web/pact-version/1`,
          name: 'Pact between Web (1) and Api',
        };
        response.writeHead(200, { 'content-type': 'application/hal+json' });
        response.end(
          JSON.stringify({ _embedded: { pacts: [{ verificationProperties: {}, _links: { self: pact } }] } }),
        );
      }
    });
    const url = await listen(listing);
    try {
      await expect(
        verifyProvider({
          provider: 'Api',
          app: () => Fastify(),
          source: {
            broker: { url, timeoutMs: afterIndexTimeoutMs },
            providerBranch: 'main',
            selectors: [{ mainBranch: true }],
            enablePending: true,
          },
        }),
      ).rejects.toEqual(
        unreachable(url, /the verifier fetched the pact of Web version 1 .*\(nothing happened for 3000 ms\)/),
      );
    } finally {
      listing.closeAllConnections();
      await new Promise((resolve) => listing.close(resolve));
    }
  });
});

describe('the CLI against a broker that answers its index, then stops answering', () => {
  it('exits 2 with CK_BROKER_UNREACHABLE, the URL and the step, within its deadline', async () => {
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--conditions=@contract-kit/source', '--import', 'tsx', main, 'publish', pactFile],
      {
        env: {
          ...process.env,
          PACT_BROKER_BASE_URL: afterIndexUrl,
          CONTRACT_KIT_BROKER_TIMEOUT_MS: String(afterIndexTimeoutMs),
          PACT_VERSION: '1',
          PACT_BRANCH: 'main',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `contract-kit: The Pact Broker at ${afterIndexUrl} did not answer while publishing .* \\[CK_BROKER_UNREACHABLE\\]`,
      ),
    );
  });
});

/**
 * The local Pact Broker at scale, over real HTTP on a SQLite file, or on PostgreSQL with --postgres URL:
 *   npx tsx scripts/bench/broker.ts [--postgres postgres://postgres@127.0.0.1:5432/test]
 * Seeds 10,000 consumer versions across 20 pacticipants (10 consumers, 10 providers) with 50,000 verification
 * results, then reports publish throughput, for-verification latency and can-i-deploy p50/p95, and the latency
 * from a publish to a contract_requiring_verification_published webhook reaching a receiver.
 * The broker runs as its own process (packages/broker/src/server.ts on port 0), as the CLIs see it.
 * Target: can-i-deploy p95 under 20 ms. Exits non-zero when a request failed or the target is missed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dropSchema } from '@contract-kit/service-common';
import autocannon from 'autocannon';

const CONSUMERS = 10;
const PROVIDERS = 10;
/** `--scale 0.05` seeds a twentieth (500 consumer versions, 2,500 results): a quick look, not the figures. */
const SCALE = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? 1) || 1;
const VERSIONS_PER_CONSUMER = Math.round(1_000 * (process.argv.includes('--scale') ? SCALE : 1));
const PROVIDERS_PER_CONSUMER = 2;
/** Consumer versions publish new content every few versions; the rest republish the same content. */
const VERSIONS_PER_CONTENT = 5;
const VERIFICATIONS = Math.round(50_000 * (VERSIONS_PER_CONSUMER / 1_000));
const CONCURRENCY = 4;
const TARGET_P95_MS = 20;

const consumerName = (c: number) => `consumer-${c}`;
const providerName = (p: number) => `provider-${p}`;
const providersOf = (c: number) => Array.from({ length: PROVIDERS_PER_CONSUMER }, (_, i) => (c + i) % PROVIDERS);

class RequestFailed extends Error {
  constructor(method: string, url: string, status: number, body: string) {
    super(`${method} ${url} answered ${status}: ${body.slice(0, 300)}`);
  }
}

async function call(method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { accept: 'application/hal+json' } : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new RequestFailed(method, url, response.status, text);
  return text === '' ? undefined : JSON.parse(text);
}

/** Runs `work` over `items` with a few requests in flight, returning the elapsed milliseconds. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
  return performance.now() - started;
}

function pactContent(c: number, p: number, contentId: number) {
  return {
    consumer: { name: consumerName(c) },
    provider: { name: providerName(p) },
    interactions: Array.from({ length: 5 }, (_, i) => ({
      description: `request ${i} (content ${contentId})`,
      providerState: `state ${i}`,
      request: { method: 'GET', path: `/things/${i}`, headers: { Accept: 'application/json' } },
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: { id: i, revision: contentId } },
    })),
    metadata: { pactSpecification: { version: '2.0.0' } },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function latencies(count: number, request: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await request(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function seed(url: string) {
  const publications: { c: number; v: number }[] = [];
  for (let v = 0; v < VERSIONS_PER_CONSUMER; v++) for (let c = 0; c < CONSUMERS; c++) publications.push({ c, v });
  const publishMs = await inParallel(publications, async ({ c, v }) => {
    await call('POST', `${url}/contracts/publish`, {
      pacticipantName: consumerName(c),
      pacticipantVersionNumber: `1.0.${v}`,
      branch: v % 10 === 9 ? `feat-${v}` : 'main',
      contracts: providersOf(c).map((p) => ({
        consumerName: consumerName(c),
        providerName: providerName(p),
        specification: 'pact',
        contentType: 'application/json',
        content: Buffer.from(JSON.stringify(pactContent(c, p, Math.floor(v / VERSIONS_PER_CONTENT)))).toString(
          'base64',
        ),
      })),
    });
  });

  // Each (consumer version, provider) pact is verified by two or three provider versions: 50,000 results.
  const results: { c: number; p: number; v: number; providerVersion: string; success: boolean }[] = [];
  let pactIndex = 0;
  for (const { c, v } of publications) {
    for (const p of providersOf(c)) {
      const runs = pactIndex++ % 2 === 0 ? 3 : 2;
      for (let r = 0; r < runs && results.length < VERIFICATIONS; r++) {
        results.push({ c, p, v, providerVersion: `2.${v}.${r}`, success: (v + r) % 7 !== 0 });
      }
    }
  }
  const shaUrls = new Map<string, string>();
  const verifyMs = await inParallel(results, async ({ c, p, v, providerVersion, success }) => {
    const key = `${c}/${p}/${v}`;
    let resultsUrl = shaUrls.get(key);
    if (resultsUrl === undefined) {
      const pact = (await call(
        'GET',
        `${url}/pacts/provider/${providerName(p)}/consumer/${consumerName(c)}/version/1.0.${v}`,
      )) as {
        _links: { 'pb:publish-verification-results': { href: string } };
      };
      resultsUrl = pact._links['pb:publish-verification-results'].href;
      shaUrls.set(key, resultsUrl);
    }
    await call('POST', resultsUrl, { success, providerApplicationVersion: providerVersion });
  });

  const environment = (await call('POST', `${url}/environments`, { name: 'production', production: true })) as {
    uuid: string;
  };
  for (let c = 0; c < CONSUMERS; c++) {
    await call(
      'POST',
      `${url}/pacticipants/${consumerName(c)}/versions/1.0.${VERSIONS_PER_CONSUMER - 20}/deployed-versions/environment/${environment.uuid}`,
      {},
    );
  }
  for (let p = 0; p < PROVIDERS; p++) {
    await call(
      'POST',
      `${url}/pacticipants/${providerName(p)}/versions/2.${VERSIONS_PER_CONSUMER - 20}.0/deployed-versions/environment/${environment.uuid}`,
      {},
    );
  }
  return { publishMs, publishes: publications.length, verifyMs, verifications: results.length };
}

const WEBHOOK_SAMPLES = 60;

/**
 * Publishes new content for one integration, one consumer version at a time, and times each publish from the
 * request going out to the webhook it triggers arriving at a receiver on 127.0.0.1.
 */
async function webhookLatency(url: string) {
  const arrivals = new Map<string, () => void>();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += String(chunk);
    });
    req.on('end', () => {
      res.end('ok');
      arrivals.get((JSON.parse(body) as { version: string }).version)?.();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as { port: number };
  await call('POST', `${url}/webhooks`, {
    description: 'latency probe',
    provider: { name: providerName(0) },
    events: [{ name: 'contract_requiring_verification_published' }],
    request: {
      method: 'POST',
      url: `http://127.0.0.1:${port}/`,
      body: { version: '$' + '{pactbroker.consumerVersionNumber}' },
    },
  });
  const c = 0;
  try {
    return await latencies(WEBHOOK_SAMPLES, async (i) => {
      const version = `9.0.${i}`;
      const arrived = new Promise<void>((resolve) => arrivals.set(version, resolve));
      await call('POST', `${url}/contracts/publish`, {
        pacticipantName: consumerName(c),
        pacticipantVersionNumber: version,
        branch: 'main',
        contracts: [
          {
            consumerName: consumerName(c),
            providerName: providerName(0),
            specification: 'pact',
            contentType: 'application/json',
            content: Buffer.from(JSON.stringify(pactContent(c, 0, 100_000 + i))).toString('base64'),
          },
        ],
      });
      await arrived;
    });
  } finally {
    receiver.closeAllConnections();
    receiver.close();
  }
}

const SERVER = fileURLToPath(new URL('../../packages/broker/src/server.ts', import.meta.url));

/** Starts `src/server.ts` on a free port and reads back the URL it prints. */
async function startBrokerProcess(
  dataDir: string,
  postgres?: { url: string; schema: string },
): Promise<{ url: string; child: ChildProcess }> {
  const database = postgres ? { BROKER_DATABASE_URL: postgres.url, BROKER_DATABASE_SCHEMA: postgres.schema } : {};
  const child = spawn(process.execPath, ['--conditions=@contract-kit/source', '--import', 'tsx', SERVER], {
    env: { ...process.env, BROKER_PORT: '0', BROKER_DATA_DIR: dataDir, BROKER_LOG_LEVEL: 'warn', ...database },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const found = /listening at (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`the broker exited (${code}) before listening: ${output}`)));
  });
  return { url, child };
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'broker-bench-'));
  const postgresUrl = option('--postgres');
  const postgres = postgresUrl ? { url: postgresUrl, schema: `broker_bench_${randomUUID().slice(0, 8)}` } : undefined;
  const store = postgres ? 'PostgreSQL' : 'SQLite file';
  const { url, child } = await startBrokerProcess(dir, postgres);
  const broker = { url };
  try {
    console.log(
      `Seeding ${CONSUMERS * VERSIONS_PER_CONSUMER} consumer versions, ${CONSUMERS + PROVIDERS} pacticipants, ${VERIFICATIONS} verification results (${store}, ${CONCURRENCY} requests in flight)…`,
    );
    const seeded = await seed(broker.url);
    console.log(
      `publish          ${(seeded.publishes / (seeded.publishMs / 1000)).toFixed(0)} publications/s (${seeded.publishes} in ${(seeded.publishMs / 1000).toFixed(1)} s, ${PROVIDERS_PER_CONSUMER} pacts each)`,
    );
    console.log(
      `verify results   ${(seeded.verifications / (seeded.verifyMs / 1000)).toFixed(0)} results/s (${seeded.verifications} in ${(seeded.verifyMs / 1000).toFixed(1)} s)`,
    );

    const forVerification = await latencies(200, (i) =>
      call('POST', `${broker.url}/pacts/provider/${providerName(i % PROVIDERS)}/for-verification`, {
        consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
        providerVersionBranch: 'main',
        includePendingStatus: true,
        includeWipPactsSince: '2020-01-01',
      }),
    );
    console.log(
      `for-verification p50 ${ms(forVerification.p50)}  p95 ${ms(forVerification.p95)}  p99 ${ms(forVerification.p99)}  (sequential, 200 requests)`,
    );

    const canIDeployPath = (i: number) =>
      `/can-i-deploy?pacticipant=${consumerName(i % CONSUMERS)}&version=1.0.${(i * 37) % VERSIONS_PER_CONSUMER}&environment=production`;
    const canIDeploy = await latencies(1_000, (i) => call('GET', `${broker.url}${canIDeployPath(i)}`));
    console.log(
      `can-i-deploy     p50 ${ms(canIDeploy.p50)}  p95 ${ms(canIDeploy.p95)}  p99 ${ms(canIDeploy.p99)}  (sequential, 1,000 requests)`,
    );
    const matrix = await latencies(500, (i) =>
      call(
        'GET',
        `${broker.url}/matrix?q[][pacticipant]=${consumerName(i % CONSUMERS)}&q[][version]=1.0.${(i * 53) % VERSIONS_PER_CONSUMER}&q[][pacticipant]=${providerName(i % PROVIDERS)}&q[][latest]=true&latestby=cvpv`,
      ),
    );
    console.log(
      `matrix (2 sel.)  p50 ${ms(matrix.p50)}  p95 ${ms(matrix.p95)}  p99 ${ms(matrix.p99)}  (sequential, 500 requests)`,
    );

    let next = 0;
    const loaded = await autocannon({
      url: broker.url,
      connections: 10,
      duration: 5,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: canIDeployPath(next++) }) }],
    });
    console.log(
      `can-i-deploy under load: ${loaded.requests.average.toFixed(0)} requests/s, p50 ${loaded.latency.p50} ms, p97.5 ${loaded.latency.p97_5} ms (10 connections, 5 s)`,
    );

    const webhook = await webhookLatency(broker.url);
    console.log(
      `webhook          p50 ${ms(webhook.p50)}  p95 ${ms(webhook.p95)}  (publish sent → contract_requiring_verification_published at the receiver, ${WEBHOOK_SAMPLES} publishes)`,
    );

    if (process.argv.includes('--json')) {
      // For the benchmark suite (scripts/bench/run.ts): one JSON line on stderr.
      const round = (value: number) => Math.round(value * 100) / 100;
      const figures = {
        publishPerSecond: Math.round(seeded.publishes / (seeded.publishMs / 1000)),
        verificationResultsPerSecond: Math.round(seeded.verifications / (seeded.verifyMs / 1000)),
        forVerificationMs: { p50: round(forVerification.p50), p95: round(forVerification.p95) },
        canIDeployMs: { p50: round(canIDeploy.p50), p95: round(canIDeploy.p95) },
        matrixMs: { p50: round(matrix.p50), p95: round(matrix.p95) },
        canIDeployUnderLoadPerSecond: Math.round(loaded.requests.average),
        webhookLatencyMs: { p50: round(webhook.p50), p95: round(webhook.p95) },
      };
      process.stderr.write(`${JSON.stringify(figures)}\n`);
    }

    const failed = loaded.errors + loaded.timeouts + loaded.non2xx;
    if (failed > 0) {
      console.error(
        `${failed} can-i-deploy requests failed under load. Run the broker tests: npx vitest run --project @contract-kit/broker`,
      );
      process.exitCode = 1;
    }
    if (canIDeploy.p95 >= TARGET_P95_MS) {
      console.error(
        `can-i-deploy p95 ${ms(canIDeploy.p95)} misses the ${TARGET_P95_MS} ms target: profile src/matrix/ (matrix.ts, rows.ts).`,
      );
      process.exitCode = 1;
    } else {
      console.log(`target met: can-i-deploy p95 ${ms(canIDeploy.p95)} < ${TARGET_P95_MS} ms`);
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await rm(dir, { recursive: true, force: true });
    if (postgres) await dropSchema(postgres.url, postgres.schema);
  }
}

await main().catch((err: unknown) => {
  console.error(`Broker benchmark failed: ${(err as Error).message}`);
  process.exitCode = 1;
});

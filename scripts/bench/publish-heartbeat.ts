/**
 * How much one very large publish stalls everyone else:
 *   npx tsx scripts/bench/publish-heartbeat.ts [--mb 45] [--routes contracts,put] [--runs 3]
 * Runs packages/broker/src/server.ts as its own process on a SQLite file (body limit raised to fit), then, while
 * publishing one pact of `--mb` MiB (through POST /contracts/publish, base64 as the CLIs send it, and through the
 * legacy PUT), sends a heartbeat every 10 ms on its own schedule (from a thread of its own) and records how late
 * each answer came back, measured from when it was due (so a stall counts for every heartbeat it delayed). Prints p50/p99/max heartbeat
 * latency idle and during each publish; with --json also one JSON line on stderr. Exits non-zero when a publish
 * fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { percentile, round } from './stats.ts';

const HEARTBEAT_EVERY_MS = 10;
const SERVER = fileURLToPath(new URL('../../packages/broker/src/server.ts', import.meta.url));

/** A pact of about `bytes` bytes of JSON, in many ordinary interactions (the shape large pacts have). */
export function largePact(bytes: number, consumer: string, provider: string) {
  const interactions: unknown[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const interaction = {
      description: `a request for item ${i}`,
      providerState: `item ${i} exists`,
      request: { method: 'GET', path: `/items/${i}`, headers: { Accept: 'application/json' } },
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: { id: i, name: `item ${i}`, parts: Array.from({ length: 8 }, (_, k) => ({ k, label: `part ${k}` })) },
      },
    };
    interactions.push(interaction);
    size += JSON.stringify(interaction).length + 1;
  }
  return {
    consumer: { name: consumer },
    provider: { name: provider },
    interactions,
    metadata: { pactSpecification: { version: '2.0.0' } },
  };
}

async function startBroker(dataDir: string, bodyLimit: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=@contract-kit/source', '--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      BROKER_PORT: '0',
      BROKER_DATA_DIR: dataDir,
      BROKER_LOG_LEVEL: 'warn',
      BROKER_BODY_LIMIT: String(bodyLimit),
    },
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

/**
 * Heartbeats on a fixed schedule until stopped, from a worker thread of their own: this process's main thread is
 * busy building and uploading the large body, and its stalls must not be counted as the broker's. Each sample
 * is answered-at minus due-at.
 */
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const samples = [];
let pending = 0;
let stopping = false;
const started = performance.now();
let n = 0;
let timer;
function finish() { if (stopping && pending === 0) { agent.destroy(); parentPort.postMessage(samples); } }
function tick() {
  const due = started + n * workerData.every;
  n += 1;
  pending += 1;
  const req = http.request(workerData.url + '/diagnostic/status/heartbeat', { agent }, (res) => {
    res.resume();
    res.on('end', () => {
      if (res.statusCode !== 200) throw new Error('heartbeat answered ' + res.statusCode);
      samples.push([performance.timeOrigin + due, performance.now() - due]);
      pending -= 1;
      finish();
    });
  });
  req.on('error', (err) => { throw err; });
  req.end();
  if (!stopping) timer = setTimeout(tick, Math.max(0, started + n * workerData.every - performance.now()));
}
parentPort.on('message', () => { stopping = true; clearTimeout(timer); finish(); });
tick();
`;

function heartbeats(url: string) {
  const sampler = new Worker(SAMPLER, { eval: true, workerData: { url, every: HEARTBEAT_EVERY_MS } });
  const done = new Promise<[number, number][]>((resolve, reject) => {
    sampler.once('message', resolve);
    sampler.once('error', reject);
  });
  return {
    async stop() {
      sampler.postMessage('stop');
      const samples = await done;
      await sampler.terminate();
      return samples;
    },
  };
}

function summary(samples: number[]) {
  return {
    heartbeats: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: round(Math.max(...samples)),
  };
}

type Route = 'contracts' | 'put';

async function publishOnce(url: string, route: Route, pactText: string, version: string) {
  const consumer = 'BigConsumer';
  const provider = 'BigProvider';
  const body =
    route === 'contracts'
      ? JSON.stringify({
          pacticipantName: consumer,
          pacticipantVersionNumber: version,
          branch: 'main',
          contracts: [
            {
              consumerName: consumer,
              providerName: provider,
              specification: 'pact',
              contentType: 'application/json',
              content: Buffer.from(pactText).toString('base64'),
            },
          ],
        })
      : pactText;
  const target =
    route === 'contracts'
      ? `${url}/contracts/publish`
      : `${url}/pacts/provider/${provider}/consumer/${consumer}/version/${version}`;
  const beats = heartbeats(url);
  const now = () => performance.timeOrigin + performance.now();
  const started = now();
  const bytes = Buffer.from(body);
  let uploaded = started;
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      target,
      {
        method: route === 'contracts' ? 'POST' : 'PUT',
        headers: { 'content-type': 'application/json', 'content-length': bytes.length, accept: 'application/hal+json' },
      },
      (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          answer += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: answer }));
      },
    );
    req.on('finish', () => {
      uploaded = now();
    });
    req.on('error', reject);
    req.end(bytes);
  });
  const answered = now();
  const all = await beats.stop();
  // Only heartbeats due while the publish was in flight count.
  const during = all.filter(([due]) => due >= started && due <= answered);
  const worst = during.reduce((a, b) => (b[1] > a[1] ? b : a), [started, 0]);
  return {
    status,
    error: status >= 300 ? text.slice(0, 300) : undefined,
    bodyMiB: round(bytes.length / 2 ** 20),
    publishMs: answered - started,
    uploadMs: uploaded - started,
    worstDueAtMs: round(worst[0] - started),
    samples: during.map(([, latency]) => latency),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '45' },
      routes: { type: 'string', default: 'contracts,put' },
      runs: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const bytes = Number(values.mb) * 2 ** 20;
  const routes = values.routes.split(',') as Route[];
  const runs = Number(values.runs);
  const pactText = JSON.stringify(largePact(bytes, 'BigConsumer', 'BigProvider'));
  // Room for the base64 form (4/3 of the pact) and the publish envelope.
  const bodyLimit = Math.ceil((pactText.length * 4) / 3) + 1024 * 1024;

  const dir = await mkdtemp(join(tmpdir(), 'broker-heartbeat-'));
  const { url, child } = await startBroker(dir, bodyLimit);
  const figures: Record<string, unknown> = {
    pactMiB: round(pactText.length / 2 ** 20),
    runs,
    loadBefore: loadavg()[0],
  };
  // The machine's load decides much of the answer (a stall of 1 s of CPU lasts longer on a busy machine): say it.
  console.log(`pact ${figures.pactMiB} MiB, load average ${round(loadavg()[0] ?? 0)} on this machine`);
  try {
    const idle = heartbeats(url);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleSummary = summary((await idle.stop()).map(([, latency]) => latency));
    figures.idle = idleSummary;
    console.log(
      `idle             heartbeat p50 ${idleSummary.p50} ms, p99 ${idleSummary.p99} ms (${idleSummary.heartbeats})`,
    );
    for (const route of routes) {
      const all: number[] = [];
      const durations: number[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await publishOnce(url, route, pactText, `${route}-${run}`);
        if (result.status >= 300) {
          console.error(
            `The ${route} publish answered ${result.status} (${result.error}): run the broker tests to see why.`,
          );
          process.exitCode = 1;
        }
        all.push(...result.samples);
        durations.push(result.publishMs);
        const s = summary(result.samples);
        console.log(
          `${route.padEnd(9)} run ${run + 1}  ${result.bodyMiB} MiB body → ${result.status} in ${round(result.publishMs)} ms (uploaded after ${round(result.uploadMs)} ms); heartbeat p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms due at ${result.worstDueAtMs} ms (${s.heartbeats})`,
        );
      }
      const s = summary(all);
      figures[route] = { ...s, publishMs: round(durations.reduce((a, b) => a + b, 0) / durations.length) };
      console.log(`${route.padEnd(9)} all     heartbeat p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms`);
    }
    figures.loadAfter = loadavg()[0];
    console.log(`load average afterwards ${round(loadavg()[0] ?? 0)}`);
    if (values.json) process.stderr.write(`${JSON.stringify(figures)}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

// Only when run, not when a test or another script imports largePact.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

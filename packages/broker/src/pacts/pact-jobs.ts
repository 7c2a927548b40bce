import { Worker } from 'node:worker_threads';
import { ServiceError } from '@contract-kit/service-common';
import { BrokerValidationError, type ValidationErrors } from '../errors.ts';
import { RawJsonBody } from '../http/json.ts';
import type { PreparedPact } from './content.ts';
import { type PactJob, type PactWork, pactWork } from './pact-work.ts';
import type { WorkerReply, WorkerRequest } from './pact-worker.ts';
import type { PactBody, PublishCommand } from './publish-request.ts';

/**
 * Inputs of at least this many bytes are prepared on the worker thread; smaller ones inline, where a thread hop
 * would cost more than the work. At 1 MiB the inline work takes a few milliseconds.
 */
export const OFFLOAD_BYTES = 1024 * 1024;

type Pending = { resolve: (value: unknown) => void; reject: (err: unknown) => void };

/**
 * One worker thread for the whole process, started on first use and not keeping the process alive. Jobs queue
 * on it, so several large publishes share one core and the event loop keeps the other.
 */
let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(err: Error): void {
  for (const job of pending.values()) job.reject(err);
  pending.clear();
  worker = undefined;
}

function rebuild(reply: Extract<WorkerReply, { ok: false }>): Error {
  const service = reply.service;
  if (!service) return new Error(`Preparing a pact failed on the worker thread: ${reply.crash}`);
  if (service.errors !== undefined) return new BrokerValidationError(service.errors as ValidationErrors);
  return new ServiceError(service.statusCode, service.code, service.message, { details: service.details });
}

function startWorker(): Worker {
  const started = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    workerData: { module: new URL('./pact-worker.ts', import.meta.url).href },
  });
  started.unref();
  started.on('message', (reply: WorkerReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.value);
    else job.reject(rebuild(reply));
  });
  started.on('error', (err) => failAll(new Error(`The pact worker thread failed: ${err.message}`, { cause: err })));
  started.on('exit', (code) => failAll(new Error(`The pact worker thread exited (code ${code})`)));
  return started;
}

function onWorker<J extends PactJob>(job: J, args: Parameters<PactWork[J]>): Promise<ReturnType<PactWork[J]>> {
  worker ??= startWorker();
  const id = nextId++;
  const [first] = args;
  const request: WorkerRequest =
    first instanceof RawJsonBody ? { id, job, raw: first.bytes, args: [] } : { id, job, args: args as unknown[] };
  const transfer =
    request.raw && request.raw.byteOffset === 0 && request.raw.byteLength === request.raw.buffer.byteLength
      ? [request.raw.buffer as ArrayBuffer]
      : [];
  const running = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    running.postMessage(request, transfer);
  });
}

function sizeOf(value: unknown): number {
  if (value instanceof RawJsonBody) return value.bytes.byteLength;
  return typeof value === 'string' ? value.length : 0;
}

async function run<J extends PactJob>(job: J, ...args: Parameters<PactWork[J]>): Promise<ReturnType<PactWork[J]>> {
  const size = (args as unknown[]).reduce<number>((total, arg) => total + sizeOf(arg), 0);
  if (size < OFFLOAD_BYTES) return (pactWork[job] as (...a: unknown[]) => ReturnType<PactWork[J]>)(...args);
  return onWorker(job, args);
}

/** A `POST /contracts/publish` body, checked, with every pact prepared for storing. */
export const preparePublishRequest = (body: unknown): Promise<PublishCommand> => run('publishRequest', body);

/** A legacy `PUT`/`PATCH` pact body, checked and prepared. */
export const preparePactBody = (body: unknown): Promise<PactBody> => run('pactBody', body);

/** `onConflict: merge`: the stored pact with the incoming interactions merged in, prepared. */
export const mergeStoredPacts = (stored: string, incoming: string): Promise<PreparedPact> =>
  run('merge', stored, incoming);

/** Interactions a merge would replace with a different request: a merge conflict. */
export const pactMergeConflicts = (stored: string, incoming: string): Promise<string[]> =>
  run('conflicts', stored, incoming);

/** How a republished pact differs from the stored one, for the 409. */
export const pactDifference = (stored: string, incoming: string): Promise<string> =>
  run('difference', stored, incoming);

/** The diff resource's hunks between two stored pacts (pacts/diff.ts). */
export const pactContentDiff = (current: string, previous: string): Promise<string> => run('diff', current, previous);

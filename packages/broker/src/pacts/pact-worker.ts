import { parentPort } from 'node:worker_threads';
import { ServiceError } from '@contract-kit/service-common';
import { BrokerValidationError } from '../errors.ts';
import { RawJsonBody } from '../http/json.ts';
import { type PactJob, pactWork } from './pact-work.ts';

/** What crosses back to the main thread: a value, a ServiceError's fields (rebuilt there), or a crash. */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      service?: { statusCode: number; code: string; message: string; details: unknown; errors?: unknown };
      crash?: string;
    };

export interface WorkerRequest {
  id: number;
  job: PactJob;
  /** Raw request bodies arrive as bytes and become RawJsonBody again here. */
  raw?: Uint8Array;
  args: unknown[];
}

function run({ job, raw, args }: WorkerRequest): unknown {
  const input = raw !== undefined ? [new RawJsonBody(raw)] : args;
  return (pactWork[job] as (...a: unknown[]) => unknown)(...input);
}

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, value: run(request) };
  } catch (err) {
    reply =
      err instanceof ServiceError
        ? {
            id: request.id,
            ok: false,
            service: {
              statusCode: err.statusCode,
              code: err.code,
              message: err.message,
              details: err.details,
              ...(err instanceof BrokerValidationError ? { errors: err.errors } : {}),
            },
          }
        : { id: request.id, ok: false, crash: (err as Error)?.stack ?? String(err) };
  }
  parentPort?.postMessage(reply);
});

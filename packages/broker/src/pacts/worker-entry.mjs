// The pact worker's entry point, in plain JavaScript: Node starts a worker's first module without the
// TypeScript loader the main thread runs under (tsx, vitest), so this registers tsx before loading the worker.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.module);

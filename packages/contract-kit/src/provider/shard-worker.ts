/**
 * One verification shard, in its own process: loads the provider definition from its module, builds
 * its own provider (own port, own database), verifies its pact files and sends the report back.
 */
import type { FastifyInstance } from 'fastify';
import type { ShardMessage, ShardTask } from './sharded.ts';
import { type VerifyProviderOptions, verifyInProcess } from './verify-provider.ts';

function reply(message: ShardMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

process.once('message', async (task: ShardTask) => {
  try {
    const loaded = (await import(task.module)) as Record<string, VerifyProviderOptions<FastifyInstance> | undefined>;
    const definition = loaded[task.exportName];
    if (!definition?.provider)
      throw new Error(`${task.module} has no provider definition exported as "${task.exportName}"`);
    const report = await verifyInProcess({
      ...definition,
      source: { pactFiles: task.files },
      ...(task.logLevel ? { logLevel: task.logLevel } : {}),
      ...(task.timeoutMs ? { timeoutMs: task.timeoutMs } : {}),
    });
    await reply({ report });
  } catch (err) {
    await reply({ error: (err as Error).message, code: (err as { code?: string }).code });
  }
  process.exit(0);
});

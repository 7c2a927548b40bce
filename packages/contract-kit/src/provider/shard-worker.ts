/**
 * One verification shard, in its own process: loads the provider definition from its module, builds
 * its own provider (own port, own database), verifies its pact pieces and sends the report back.
 */
import { loadProviderDefinition } from './load-definition.ts';
import type { ShardMessage, ShardTask } from './sharded.ts';
import { verifyInProcess } from './verify-in-process.ts';

function reply(message: ShardMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

process.once('message', async (task: ShardTask) => {
  try {
    const definition = await loadProviderDefinition(task.module, task.exportName);
    const report = await verifyInProcess({
      definition: {
        ...definition,
        ...(task.logLevel ? { logLevel: task.logLevel } : {}),
        ...(task.timeoutMs ? { timeoutMs: task.timeoutMs } : {}),
      },
      groups: task.groups,
    });
    await reply({ report });
  } catch (err) {
    await reply({ error: (err as Error).message, code: (err as { code?: string }).code });
  }
  process.exit(0);
});

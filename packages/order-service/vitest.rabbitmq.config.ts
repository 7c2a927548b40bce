import { defineConfig } from 'vitest/config';

const conditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

// The RabbitMQ suite (`npm run test:rabbitmq`): not part of `npm test`, which needs nothing installed.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@contract-kit/source'] } },
  test: {
    include: ['test/rabbitmq/**/*.rabbitmq.ts'],
    // One file at a time: a test that restarts RabbitMQ would cut every other file's connections.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});

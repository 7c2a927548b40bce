import { defineConfig } from 'vitest/config';

// The workspace runs the kit from its TypeScript source (the "@contract-kit/source" export
// condition of its package.json); the published package runs dist/.
const sourceConditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@contract-kit/source'] } },
  test: {
    // Test files share a worker's module cache instead of importing fastify, the kit and pact's native library again
    // per file (a third less time). No test leaves module state behind: spies, stubs, env and cwd are restored.
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/adoption/**'],
    // The only concurrent suite (test/broker-client/misbehaving-broker.test.ts) mostly waits out brokers that hang
    // until the kit's deadline: all 19 of its tests at once, not vitest's default 5.
    maxConcurrency: 20,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

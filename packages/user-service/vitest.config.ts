import { defineConfig } from 'vitest/config';

// contract-kit runs from its TypeScript source in the workspace (its "@contract-kit/source" condition).
const conditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@contract-kit/source'] } },
  test: {
    // Test files share a worker's module cache instead of importing fastify, the kit and pact's native library again
    // per file (a third less time). No test leaves module state behind: spies, stubs, env and cwd are restored.
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Contract tests start real servers and verifiers; on two busy cores they need more than 5 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

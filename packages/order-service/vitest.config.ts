import { defineConfig } from 'vitest/config';

// contract-kit runs from its TypeScript source in the workspace (its "@contract-kit/source" condition).
const conditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@contract-kit/source'] } },
  // vitest loads globalSetup files through an environment of its own.
  environments: { __vitest__: { resolve: { conditions, externalConditions: ['@contract-kit/source'] } } },
  test: {
    // Test files share a worker's loaded modules (pact's native library, the kit, axios) instead of loading them
    // again per file: the suite takes about a third of the time. Safe because no test here changes module state
    // for the next one: each pact test writes its own part of the pact (merged once by the global setup below),
    // and each test builds its own app, transport and mock server.
    isolate: false,
    pool: 'threads',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/contract/merge-pacts.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

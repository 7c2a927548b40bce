import { defineConfig } from 'vitest/config';

// contract-kit runs from its TypeScript source in the workspace (its "@contract-kit/source" condition).
const conditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@contract-kit/source'] } },
  // vitest loads globalSetup files through an environment of its own.
  environments: { __vitest__: { resolve: { conditions, externalConditions: ['@contract-kit/source'] } } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/contract/merge-pacts.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

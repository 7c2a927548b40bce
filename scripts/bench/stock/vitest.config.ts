import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// OrderService's consumer tests as a plain pact-js project runs them: vitest's defaults, pact-js
// writing into one pact file (PACT_MODE=stock), no merge step. The workspace's packages resolve
// from their TypeScript source, as in OrderService's own config.
const conditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@contract-kit/source'] } },
  test: {
    root: fileURLToPath(new URL('../../../packages/order-service', import.meta.url)),
    include: ['test/contract/*.pact.test.ts'],
    testTimeout: 30_000,
  },
});

import { defineConfig } from 'vitest/config';

const sourceConditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

// The browser suite: out of `npm test` (it needs chromium), run by `npm run test:browser` and .ci/run.
export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@contract-kit/source'] } },
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});

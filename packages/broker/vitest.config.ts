import { configDefaults, defineConfig } from 'vitest/config';

// The broker's pages use the kit's diff engine (contract-kit/diff) from its TypeScript source in the workspace.
const sourceConditions = ['@contract-kit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@contract-kit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser suite needs chromium: `npm run test:browser` (and .ci/run) runs it, not `npm test`.
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 60000,
    // Every test builds its own broker on its own in-memory database and no module holds state between files, so
    // files share a worker's module cache: re-importing fastify and every route per file was five sixths of the
    // suite's time (the conformance folder alone is over a hundred files).
    isolate: false,
  },
});

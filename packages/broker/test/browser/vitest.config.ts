import { defineConfig } from 'vitest/config';

// The browser suite: out of `npm test` (it needs chromium), run by `npm run test:browser` and .ci/run.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});

import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser suite needs chromium: `npm run test:browser` (and .ci/run) runs it, not `npm test`.
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 60000,
  },
});

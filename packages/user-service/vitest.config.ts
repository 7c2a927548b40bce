import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Contract tests start real servers and verifiers; on two busy cores they need more than 5 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

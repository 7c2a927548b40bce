import PactMergeReporter from 'contract-kit/vitest-reporter';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Merges each test file's pact part into pacts/ once the whole run passed.
    reporters: ['default', new PactMergeReporter({ pactDir: 'pacts' })],
  },
});

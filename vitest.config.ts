import { defineConfig } from 'vitest/config';

// One `npm test` runs every package's suite; each package owns its vitest config.
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
});

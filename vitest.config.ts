import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rule tests are fast; reader, CLI and browser tests spawn workers and processes.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Any `.only` left behind fails the run instead of silently skipping the rest.
    allowOnly: false,
  },
});

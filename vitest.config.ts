import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests boot clean Debian roots; give them room but keep unit tests snappy.
    testTimeout: 30_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Builds the cached clean Debian roots once, before test files run in parallel.
    globalSetup: ['test/support/global-setup.ts'],
    coverage: { provider: 'v8', include: ['src/**'], reporter: ['text-summary', 'lcov', 'json-summary'] },
  },
});

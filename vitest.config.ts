import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts (whose root is src/web): tests run from the repository root.
export default defineConfig({
  test: {
    root: '.',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration and browser tests start databases and servers; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});

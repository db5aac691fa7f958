import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts (whose root is src/web): tests run from the repository root.
export default defineConfig({
  test: {
    root: '.',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Browser journeys start a server and Chromium: give them room.
    testTimeout: process.env.CI ? 60_000 : 45_000,
    hookTimeout: 120_000,
    // Integration and browser tests start databases and servers; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    globalSetup: ['e2e/global-setup.ts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file opens its own PGlite (WASM) or PostgreSQL database: two at a time suit 2 cores.
    maxWorkers: 2,
  },
});

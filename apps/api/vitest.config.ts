import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    // A file's setup builds a fresh database and seeds the demo network with three years of the
    // fund: a few seconds alone, much more when the machine is busy.
    hookTimeout: 180_000,
    // Each file opens its own PGlite (WASM) or PostgreSQL database: two at a time suit 2 cores.
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    // Migrates and seeds the demo network once per run; each file starts from a copy.
    globalSetup: ['test/global-setup.ts'],
    // A file's setup copies that database (and some files seed their own): a second or two
    // alone, much more when the machine is busy.
    hookTimeout: 180_000,
    // Each file opens its own PGlite (WASM) or PostgreSQL database: two at a time suit 2 cores.
    maxWorkers: 2,
  },
});

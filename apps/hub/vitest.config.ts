import { defineConfig } from 'vitest/config';

// The hub's unit tests cover pure functions (formatting, catalogs), so they run in Node
// without the router plugin or React transform.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'build/**/*.test.ts'],
  },
});

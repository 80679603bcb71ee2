import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema (`pnpm --filter @lakou/api db:generate`); they are
// committed and applied at start-up. Never `push`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});

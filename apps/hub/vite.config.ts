import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API the dev server and preview forward /api to (override to run several checkouts side by side).
const apiTarget = process.env.LAKOU_API_URL ?? 'http://localhost:3001';

// Route options live in tsr.config.json so that `tsr generate` (typecheck from a clean clone)
// and this plugin produce the same route tree.
export default defineConfig({
  plugins: [
    // The router plugin must run before React's so that code splitting sees untransformed routes.
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
  ],
  server: {
    port: 3000,
    strictPort: true,
    proxy: { '/api': apiTarget },
  },
  preview: {
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: { '/api': apiTarget },
  },
  build: {
    target: 'es2022',
  },
});

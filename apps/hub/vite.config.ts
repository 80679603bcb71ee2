import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
    proxy: { '/api': 'http://localhost:3001' },
  },
  preview: {
    port: 3000,
    strictPort: true,
    proxy: { '/api': 'http://localhost:3001' },
  },
  build: {
    target: 'es2022',
  },
});

import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { routePreloads } from './build/route-preloads.ts';

// The API the dev server and preview forward /api to (override to run several checkouts side by side).
const apiTarget = process.env.LAKOU_API_URL ?? 'http://localhost:3001';

// Route options live in tsr.config.json so that `tsr generate` (typecheck from a clean clone)
// and this plugin produce the same route tree.
export default defineConfig({
  plugins: [
    // The router plugin must run before React's so that code splitting sees untransformed routes.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      codeSplittingOptions: {
        defaultBehavior: [['loader'], ['component'], ['errorComponent'], ['notFoundComponent']],
      },
    }),
    react(),
    chunkModules(),
    routePreloads(fileURLToPath(new URL('./src/routes', import.meta.url))),
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
    // dist/.vite/manifest.json: which chunks each entry and lazy route loads (pnpm bench reads it).
    manifest: true,
    // Every browser the hub supports (ES2022) knows <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry loads statically, in one file: over HTTP/1.1 (six connections) on a
          // slow link, thirty small chunks queue behind each other before the first paint.
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
  },
});

/**
 * Writes dist/.vite/chunks.json: the modules (and their rendered size) in each emitted chunk,
 * so that `pnpm bench` can check from the build itself which routes carry FullCalendar or
 * chart.js — the manifest says which chunks load where, this says what is in them.
 */
function chunkModules(): Plugin {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  return {
    name: 'lakou-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, Record<string, number>> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[output.fileName] = Object.fromEntries(
          Object.entries(output.modules).map(([id, m]) => [
            // node_modules/<package>/…, or a path from the repository's root.
            id.includes('/node_modules/')
              ? id.replace(/^.*\/node_modules\//, 'node_modules/')
              : relative(repoRoot, id),
            m.renderedLength,
          ]),
        );
      }
      this.emitFile({
        type: 'asset',
        fileName: '.vite/chunks.json',
        source: JSON.stringify(chunks),
      });
    },
  };
}

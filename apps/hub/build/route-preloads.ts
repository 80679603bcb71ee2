import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, Rollup } from 'vite';

/**
 * `dist/.vite/preloads.json`: for each route of the hub, the code its page runs beyond the entry
 * (the route's split chunks and what they import), and the code every signed-in page waits for
 * (the French texts of the pages, the identity rules). The server that sends index.html names
 * them in `<link rel="modulepreload">` for the path asked (apps/api `hub-static.ts`), so a slow
 * link downloads them beside the entry instead of after it has run.
 */
export interface RoutePreloads {
  /**
   * `pattern`: the URL's segments, `$name` for a parameter; `layout`: also for the paths below;
   * `data`: the API answers the page asks for first, `$name` taken from the path (a session's).
   */
  routes: { pattern: string[]; layout: boolean; files: string[]; data?: string[] }[];
  /** The pages' French texts, for every page but those of `shellOnly`. */
  pageTexts: string[];
  /** The pages that show the entry's texts alone (`SHELL_ONLY_PATH` in src/i18n/index.ts). */
  shellOnly: string[][];
  /** The identity rules (every page of a signed-in person). */
  signedIn: string[];
}

/**
 * The answer a page waits for before its largest text paints, by route file; its query in
 * src/api asks for the very same URL (`centreQuery`), so the browser takes the preloaded answer.
 */
const FIRST_DATA: Record<string, string[]> = {
  'centres/$centreId_.agenda': ['/api/centres/$centreId'],
};

const ROUTE_CHUNK = /\/src\/routes\/(.+)\.tsx\?tsr-split=(?:component|loader)$/;

/** TanStack Router's file names: `centres/$centreId_.agenda` → centres, $centreId, agenda. */
export function patternOf(routeFile: string): string[] {
  return routeFile
    .split('/')
    .flatMap((part) => part.split('.'))
    .map((segment) => segment.replace(/_$/, ''))
    .filter((segment) => segment !== 'index' && segment !== '' && !segment.startsWith('_'));
}

export function routePreloads(routesDir: string): Plugin {
  return {
    name: 'lakou-route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rollup.OutputChunk>();
      for (const output of Object.values(bundle))
        if (output.type === 'chunk') chunks.set(output.fileName, output);
      const closure = (start: string, into = new Set<string>()) => {
        if (into.has(start)) return into;
        into.add(start);
        for (const next of chunks.get(start)?.imports ?? []) closure(next, into);
        return into;
      };
      const entry = new Set<string>();
      for (const chunk of chunks.values()) if (chunk.isEntry) closure(chunk.fileName, entry);
      const beyondEntry = (start: string) =>
        [...closure(start)].filter((file) => !entry.has(file)).map((file) => `/${file}`);
      const withModule = (test: RegExp) =>
        [...chunks.values()].find((c) => c.moduleIds.some((id) => test.test(id)));

      const byRoute = new Map<string, Set<string>>();
      for (const chunk of chunks.values()) {
        const routeFile = chunk.facadeModuleId?.match(ROUTE_CHUNK)?.[1];
        if (!routeFile || routeFile === '__root') continue;
        const files = byRoute.get(routeFile) ?? new Set<string>();
        for (const file of beyondEntry(chunk.fileName)) files.add(file);
        byRoute.set(routeFile, files);
      }
      const texts = withModule(/\/src\/i18n\/pages\.fr\.ts$/);
      const rules = withModule(/\/packages\/domain\/src\/identity\/rules\.ts$/);
      if (!texts || !rules) throw new Error('route-preloads: the pages’ texts or the rules moved');
      const preloads: RoutePreloads = {
        routes: [...byRoute].map(([routeFile, files]) => ({
          pattern: patternOf(routeFile),
          layout: existsSync(join(routesDir, routeFile)),
          files: [...files].sort(),
          ...(FIRST_DATA[routeFile] ? { data: FIRST_DATA[routeFile] } : {}),
        })),
        pageTexts: beyondEntry(texts.fileName),
        shellOnly: [['sign-in']],
        signedIn: beyondEntry(rules.fileName),
      };
      this.emitFile({
        type: 'asset',
        fileName: '.vite/preloads.json',
        source: JSON.stringify(preloads),
      });
    },
  };
}

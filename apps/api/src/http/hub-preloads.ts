import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the hub's build wrote in `.vite/preloads.json` (apps/hub/build/route-preloads.ts). */
export interface RoutePreloads {
  routes: { pattern: string[]; layout: boolean; files: string[] }[];
  pageTexts: string[];
  shellOnly: string[][];
  signedIn: string[];
}

export function readPreloads(hubDist: string): RoutePreloads | undefined {
  const file = join(hubDist, '.vite', 'preloads.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RoutePreloads) : undefined;
}

function matches(pattern: readonly string[], segments: readonly string[], layout: boolean) {
  if (layout ? pattern.length > segments.length : pattern.length !== segments.length) return false;
  return pattern.every((part, i) => part.startsWith('$') || part === segments[i]);
}

/**
 * The code the hub's page at `path` runs beyond its entry, which index.html can name in
 * `<link rel="modulepreload">`: the routes the path matches, the pages' texts (but on the
 * sign-in page) and, for a browser that holds a session, the identity rules.
 */
export function preloadsFor(preloads: RoutePreloads, path: string, hasSession: boolean): string[] {
  const segments = path.split('/').filter(Boolean);
  const files = new Set<string>();
  for (const route of preloads.routes)
    if (matches(route.pattern, segments, route.layout))
      for (const file of route.files) files.add(file);
  if (!preloads.shellOnly.some((pattern) => matches(pattern, segments, false)))
    for (const file of preloads.pageTexts) files.add(file);
  if (hasSession) for (const file of preloads.signedIn) files.add(file);
  return [...files];
}

/** index.html with the preloads before `</head>`. */
export function withPreloads(html: string, files: readonly string[]): string {
  if (!files.length) return html;
  const links = files
    .filter((file) => /^\/assets\/[\w.-]+\.js$/.test(file))
    .map((file) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="${file}" />`)
    .join('');
  return html.replace('</head>', `${links}</head>`);
}

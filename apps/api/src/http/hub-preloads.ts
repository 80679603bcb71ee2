import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the hub's build wrote in `.vite/preloads.json` (apps/hub/build/route-preloads.ts). */
export interface RoutePreloads {
  routes: { pattern: string[]; layout: boolean; files: string[]; data?: string[] }[];
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

/** A path segment that may stand for a parameter in a preloaded API path. */
const SAFE_SEGMENT = /^[\w-]{1,100}$/;

/** `/api/centres/$centreId` with the path's value of each `$name`; undefined if one is odd. */
function fill(url: string, pattern: readonly string[], segments: readonly string[]) {
  let ok = true;
  const filled = url.replace(/\$\w+/g, (name) => {
    const value = segments[pattern.indexOf(name)];
    if (value === undefined || !SAFE_SEGMENT.test(value)) ok = false;
    return value ?? '';
  });
  return ok ? filled : undefined;
}

export interface Preload {
  /** Code the page runs beyond the entry (`modulepreload`). */
  modules: string[];
  /** API answers the page asks for first (`preload as=fetch`). */
  data: string[];
}

/**
 * What the hub's page at `path` needs beyond its entry, which index.html can name: the code of
 * the routes the path matches, the pages' texts (but on the sign-in page) and, for a browser
 * that holds a session, the identity rules and the API answer the page asks for first.
 */
export function preloadsFor(preloads: RoutePreloads, path: string, hasSession: boolean): Preload {
  const segments = path.split('/').filter(Boolean);
  const modules = new Set<string>();
  const data = new Set<string>();
  for (const route of preloads.routes) {
    if (!matches(route.pattern, segments, route.layout)) continue;
    for (const file of route.files) modules.add(file);
    if (hasSession)
      for (const url of route.data ?? []) {
        const filled = fill(url, route.pattern, segments);
        if (filled) data.add(filled);
      }
  }
  if (!preloads.shellOnly.some((pattern) => matches(pattern, segments, false)))
    for (const file of preloads.pageTexts) modules.add(file);
  if (hasSession) for (const file of preloads.signedIn) modules.add(file);
  return { modules: [...modules], data: [...data] };
}

/**
 * index.html with the preloads before `</head>`: the code at low priority (the entry comes
 * first on a slow link), the API answers as the hub's own fetches ask for them.
 */
export function withPreloads(html: string, { modules, data }: Preload): string {
  const links = [
    ...data
      .filter((url) => /^\/api\/[\w/-]+$/.test(url))
      .map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin />`),
    ...modules
      .filter((file) => /^\/assets\/[\w.-]+\.js$/.test(file))
      .map((file) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="${file}" />`),
  ];
  return links.length ? html.replace('</head>', `${links.join('')}</head>`) : html;
}

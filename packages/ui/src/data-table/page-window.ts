export type PageEntry = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/** Pages to show: the first, the last, the current one and its neighbours, with gaps between. */
export function pageWindow(page: number, count: number, neighbours = 1): PageEntry[] {
  const shown = new Set<number>([1, count]);
  for (let p = page - neighbours; p <= page + neighbours; p++) {
    if (p >= 1 && p <= count) shown.add(p);
  }
  const pages = [...shown].sort((a, b) => a - b);
  const entries: PageEntry[] = [];
  let previous = 0;
  for (const p of pages) {
    if (p - previous === 2) entries.push({ kind: 'page', page: p - 1 });
    else if (p - previous > 2) entries.push({ kind: 'gap', key: `gap-${p}` });
    entries.push({ kind: 'page', page: p });
    previous = p;
  }
  return entries;
}

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module a source file imports, followed through relative imports (type-only ones skipped). */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (graph.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gms),
    ].map((m) => m[1] as string);
    graph.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) pending.push(resolve(dirname(file), s));
  }
  return graph;
}

describe('@lakou/domain/booking/rules', () => {
  const here = import.meta.dirname;

  it('does not load rrule-temporal (the hub’s pages import it at first paint)', () => {
    const graph = moduleGraph(resolve(here, 'rules.ts'));
    const importers = [...graph].filter(([, specs]) => specs.includes('rrule-temporal'));
    expect(importers.map(([file]) => file)).toEqual([]);
    expect(graph.has(resolve(here, 'occurrences.ts'))).toBe(false);
  });

  it('is the full booking entry without the expansion', async () => {
    const full = await import('./index.ts');
    const rules = await import('./rules.ts');
    const occurrences = await import('./occurrences.ts');
    expect(Object.keys(full).sort()).toEqual(
      [...Object.keys(rules), ...Object.keys(occurrences)].sort(),
    );
    expect(graphHas(resolve(here, 'index.ts'), 'rrule-temporal')).toBe(true);
  });
});

function graphHas(entry: string, specifier: string): boolean {
  return [...moduleGraph(entry).values()].some((specs) => specs.includes(specifier));
}

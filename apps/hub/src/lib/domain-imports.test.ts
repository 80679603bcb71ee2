import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * `@lakou/domain/booking` carries the recurrence engine (rrule-temporal, some 56 KB gzip): the hub
 * imports `@lakou/domain/booking/rules` instead, and `…/booking/occurrences` only by import(),
 * where a series is really expanded, so that the agenda's first paint does not load it.
 */
const src = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the hub’s imports of the booking domain', () => {
  it('go through @lakou/domain/booking/rules, not the full entry with rrule-temporal', () => {
    const offenders = sources(src).filter((file) =>
      /from\s+'@lakou\/domain\/booking(\/occurrences)?'/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(src, file))).toEqual([]);
  });
});

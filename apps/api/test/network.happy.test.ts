import { type Centre, type CentreSummary, type Partner, sortWindows } from '@lakou/domain/network';
import type { Page } from '@lakou/domain/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as demo from '../src/db/seed/seccoia-network.ts';
import { engines, json, seededApp } from './harness.ts';

describe.each(engines)('network API on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp(engine);
  });
  afterAll(() => ctx.database.dispose());

  const get = (path: string) => ctx.app.request(path);
  const centreNamed = async (q: string) =>
    (await json<Page<CentreSummary>>(await get(`/api/centres?q=${encodeURIComponent(q)}`)))
      .items[0];

  it('reports its engine and applied migrations on /api/health', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    const body = await json<{
      status: string;
      database: string;
      migrations: { applied: number; pending: number };
    }>(res);
    expect(body.status).toBe('ok');
    expect(body.database).toBe(engine);
    expect(body.migrations.applied).toBeGreaterThanOrEqual(2);
    expect(body.migrations.pending).toBe(0);
  });

  it('serves the organisation', async () => {
    const body = await json<{ name: string }>(await get('/api/organisation'));
    expect(body.name).toBe('SECCOIA-Guyane');
  });

  it('lists the seven demo centres sorted by name', async () => {
    const page = await json<Page<CentreSummary>>(await get('/api/centres'));
    expect(page.total).toBe(7);
    expect(page.items.map((c) => c.slug).sort()).toEqual(demo.centres.map((c) => c.slug).sort());
    const names = page.items.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('paginates with a stable total, and an empty page past the end', async () => {
    const third = await json<Page<CentreSummary>>(await get('/api/centres?pageSize=3&page=3'));
    expect(third).toMatchObject({ page: 3, pageSize: 3, total: 7 });
    expect(third.items).toHaveLength(1);
    const beyond = await json<Page<CentreSummary>>(await get('/api/centres?pageSize=3&page=9'));
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(7);
    const pages = await Promise.all(
      [1, 2, 3].map(async (p) =>
        json<Page<CentreSummary>>(await get(`/api/centres?pageSize=3&page=${p}`)),
      ),
    );
    expect(new Set(pages.flatMap((p) => p.items.map((c) => c.id))).size).toBe(7);
  });

  it('searches without accents, case or hyphens', async () => {
    const remire = await json<Page<CentreSummary>>(await get('/api/centres?q=REMIRE'));
    expect(remire.items.map((c) => c.commune)).toEqual(['Rémire-Montjoly']);
    const stLaurent = await json<Page<CentreSummary>>(await get('/api/centres?q=st%20laurent'));
    expect(stLaurent.items.map((c) => c.slug)).toEqual(['saint-laurent-du-maroni']);
    // Punctuation is not searchable: a lone wildcard is no filter, not a pattern.
    const wildcard = await json<Page<CentreSummary>>(await get('/api/centres?q=%25_'));
    expect(wildcard.total).toBe(7);
    const nothing = await json<Page<CentreSummary>>(await get('/api/centres?q=papaichton'));
    expect(nothing).toMatchObject({ items: [], total: 0 });
  });

  it('filters by commune and by QPV', async () => {
    const cayenne = await json<Page<CentreSummary>>(await get('/api/centres?commune=cayenne'));
    expect(cayenne.items.map((c) => c.slug).sort()).toEqual([
      'cayenne-mont-lucas',
      'cayenne-village-chinois',
    ]);
    const outsideQpv = await json<Page<CentreSummary>>(await get('/api/centres?inQpv=false'));
    expect(outsideQpv.items.map((c) => c.slug)).toEqual(['remire-montjoly']);
    const inQpv = await json<Page<CentreSummary>>(await get('/api/centres?inQpv=true'));
    expect(inQpv.total).toBe(6);
    expect(inQpv.items.every((c) => c.qpv)).toBe(true);
  });

  it('sorts by commune, descending', async () => {
    const page = await json<Page<CentreSummary>>(await get('/api/centres?sort=commune&order=desc'));
    expect(page.items[0]?.commune).toBe('Saint-Laurent-du-Maroni');
    expect(page.items.at(-1)?.commune).toBe('Cayenne');
  });

  it('shows a centre with its hours, upcoming closures and partners', async () => {
    const kourou = await centreNamed('kourou');
    const res = await get(`/api/centres/${kourou?.id}`);
    expect(res.status).toBe(200);
    const centre = await json<Centre>(res);
    const seeded = demo.centres.find((c) => c.slug === 'kourou');
    expect(centre.address).toEqual(seeded?.address);
    expect(centre.openingHours).toEqual(sortWindows(seeded?.openingHours ?? []));
    expect(centre.timeZone).toBe('America/Cayenne');
    const partnerNames = centre.partners.map((p) => p.name);
    // Mission Locale works in Kourou; Ne plus jeter only in the Village Chinois; CAF network-wide.
    expect(partnerNames).toContain('Mission Locale de Guyane');
    expect(partnerNames).toContain('CAF de la Guyane');
    expect(partnerNames).not.toContain('Ne plus jeter');
    for (const closure of centre.closures) expect(closure.centreId).toBe(centre.id);
    const starts = centre.closures.map((c) => c.startsOn);
    expect(starts).toEqual([...starts].sort());
  });

  it('lists partners with their centres, filtered by kind and centre', async () => {
    const all = await json<Page<Partner>>(await get('/api/partners?pageSize=100'));
    expect(all.total).toBe(demo.partners.length);
    const publicBodies = await json<Page<Partner>>(
      await get('/api/partners?kind=public_body&pageSize=100'),
    );
    expect(publicBodies.items.length).toBe(
      demo.partners.filter((p) => p.kind === 'public_body').length,
    );
    const village = await centreNamed('village chinois');
    const kazAVelo = all.items.find((p) => p.name === 'Kaz à vélo');
    expect(kazAVelo?.centreIds).toContain(village?.id);
    const here = await json<Page<Partner>>(
      await get(`/api/partners?centreId=${village?.id}&pageSize=100`),
    );
    expect(here.items.map((p) => p.name)).toContain('Ne plus jeter');
    const kourou = await centreNamed('kourou');
    const there = await json<Page<Partner>>(
      await get(`/api/partners?centreId=${kourou?.id}&pageSize=100`),
    );
    expect(there.items.map((p) => p.name)).not.toContain('Ne plus jeter');
  });
});

import { REGISTER_COLUMNS } from '@lakou/domain/circular';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, compostBatches, inflows, outflows, reuses } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import { type Ctx, reportWorld } from './reports-setup.ts';

/** Tonnes with three decimals, from grams, as the sheets hold them. */
const tonnes = (grams: number) => Number((grams / 1_000_000).toFixed(3));

/**
 * Fixtures in May 2012 (years before the demo seed's data), in grams. Village Chinois: textiles in
 * 123 456 and plastic in 7 000 on the 3rd (recorded in that order), batteries in 2 500 on the 4th,
 * bio-waste in 9 000 on the 14th; 23 456 of textiles handed out on the 10th; 8 000 of bio-waste in
 * the compost on the 15th; plastic shipped R3 6 500 on the 20th; batteries (hazardous) shipped R4
 * 2 000 with a Trackdéchets slip on the 25th. Kourou: residual in 1 000 000 on the 5th. Out of
 * the period: textiles in 5 000 on 1 June.
 */
const IN = [123_456, 7_000, 2_500, 9_000, 1_000_000];
const OUT = [23_456, 8_000, 6_500, 2_000];

describe.each(engines)('waste register exports (%s)', (kind) => {
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof reportWorld>>;
  const MAY = 'from=2012-05-01&to=2012-05-31';
  const get = (path: string, cookie = w.admin) => call(ctx.app, 'GET', path, { cookie });
  const csv = async (query: string, cookie = w.admin) => {
    const res = await get(`/api/waste-register.csv?${query}`, cookie);
    expect(res.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    return {
      res,
      text,
      parsed: Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
        delimiter: ';',
        skipEmptyLines: true,
      }),
    };
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    w = await reportWorld(ctx);
    const db = ctx.database.db;
    const vc = w.villageChinois;
    const at = (iso: string) => new Date(iso);
    await db.insert(inflows).values([
      {
        occurredOn: '2012-05-03',
        centreId: vc,
        streamId: w.stream('textiles').id,
        massGrams: 123_456,
        measurement: 'weighed',
        origin: 'collection',
        createdAt: at('2012-05-03T12:00:00Z'),
      },
      {
        occurredOn: '2012-05-03',
        centreId: vc,
        streamId: w.stream('packaging_plastic').id,
        massGrams: 7_000,
        measurement: 'estimated',
        origin: 'drop_off',
        createdAt: at('2012-05-03T13:00:00Z'),
      },
      {
        occurredOn: '2012-05-04',
        centreId: vc,
        streamId: w.stream('batteries').id,
        massGrams: 2_500,
        measurement: 'weighed',
        origin: 'drop_off',
      },
      {
        occurredOn: '2012-05-14',
        centreId: vc,
        streamId: w.stream('biowaste').id,
        massGrams: 9_000,
        measurement: 'weighed',
        origin: 'garden',
      },
      {
        occurredOn: '2012-05-05',
        centreId: w.kourou,
        streamId: w.stream('residual').id,
        massGrams: 1_000_000,
        measurement: 'weighed',
        origin: 'collection',
      },
      {
        occurredOn: '2012-06-01',
        centreId: vc,
        streamId: w.stream('textiles').id,
        massGrams: 5_000,
        measurement: 'weighed',
        origin: 'collection',
      },
    ]);
    await db.insert(reuses).values({
      occurredOn: '2012-05-10',
      centreId: vc,
      streamId: w.stream('textiles').id,
      massGrams: 23_456,
      measurement: 'estimated',
      kind: 'sorted',
      itemCount: 48,
    });
    await db.insert(compostBatches).values({
      gardenId: w.garden.id,
      centreId: vc,
      streamId: w.stream('biowaste').id,
      startedOn: '2012-05-15',
      inputGrams: 8_000,
      measurement: 'weighed',
    });
    await db.insert(outflows).values([
      {
        occurredOn: '2012-05-25',
        centreId: vc,
        streamId: w.stream('batteries').id,
        massGrams: 2_000,
        measurement: 'weighed',
        facilityId: w.facility.id,
        treatment: 'recycling',
        operationCode: 'R4',
        transporter: 'Transports du Mahury',
        trackingRef: 'BSD-20120525-A1B2C3',
      },
      {
        occurredOn: '2012-05-20',
        centreId: vc,
        streamId: w.stream('packaging_plastic').id,
        massGrams: 6_500,
        measurement: 'weighed',
        facilityId: w.facility.id,
        treatment: 'recycling',
        operationCode: 'R3',
      },
    ]);
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('writes the CSV in date order, with the regulation’s columns and tonnes « 0,123 »', async () => {
    const { res, text, parsed } = await csv(MAY);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="registre-dechets-2012-05-01-2012-05-31.csv"',
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = parsed.data;
    expect(header).toEqual([...REGISTER_COLUMNS]);
    expect(lines).toHaveLength(IN.length + OUT.length);
    const col = (name: (typeof REGISTER_COLUMNS)[number]) => REGISTER_COLUMNS.indexOf(name);
    const dates = lines.map((l) => l[col('Date')] ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= '2012-05-01' && d <= '2012-05-31')).toBe(true);
    // Same day: in the order they were recorded.
    expect(lines.slice(0, 2).map((l) => l[col('Dénomination usuelle')])).toEqual([
      'Textiles et chaussures',
      'Emballages en plastique',
    ]);
    const first = lines[0] ?? [];
    expect(first[col('Sens')]).toBe('Entrée');
    expect(first[col('Code déchet')]).toBe('20 01 10');
    expect(first[col('Quantité (t)')]).toBe('0,123');
    expect(first[col('Mesure')]).toBe('Pesé');
    expect(first[col('Provenance')]).toBe('Tournée de collecte');
    expect(lines.every((l) => /^\d+,\d{3}$/.test(l[col('Quantité (t)')] ?? ''))).toBe(true);
    const kourou = lines.find((l) => l[col('Centre')] === 'Centre SECCOIA de Kourou');
    expect(kourou?.[col('Quantité (t)')]).toBe('1,000');

    const reuse = lines.find((l) => l[col('Date')] === '2012-05-10');
    expect(reuse?.[col('Sens')]).toBe('Sortie');
    expect(reuse?.[col('Installation de destination')]).toBe('Centre SECCOIA du Village Chinois');
    expect(reuse?.[col('SIRET de l’installation')]).toBe('');
    expect(reuse?.[col('Mode de traitement')]).toBe('Réemploi');
    const compost = lines.find((l) => l[col('Date')] === '2012-05-15');
    expect(compost?.[col('Installation de destination')]).toBe(
      'Compostage sur site — Jardin d’essai',
    );
    expect(compost?.[col('Code de traitement')]).toBe('R3');
    expect(compost?.[col('Mode de traitement')]).toBe('Recyclage');
    const batteries = lines.find((l) => l[col('Date')] === '2012-05-25');
    expect(batteries).toMatchObject({
      [col('Code déchet')]: '20 01 33*',
      [col('Dangereux')]: 'oui',
      [col('Installation de destination')]: 'Recycleur d’essai',
      [col('SIRET de l’installation')]: '73282932000074',
      [col('Adresse de l’installation')]: '1 rue de l’Essai, 97300 Cayenne',
      [col('Transporteur')]: 'Transports du Mahury',
      [col('Code de traitement')]: 'R4',
      [col('Bordereau Trackdéchets')]: 'BSD-20120525-A1B2C3',
    });

    // The masses add up to the fixtures' (in grams: tonnes × 1 000 000, rounded to the gram).
    const grams = (dir: string) =>
      lines
        .filter((l) => l[col('Sens')] === dir)
        .reduce((s, l) => s + Number((l[col('Quantité (t)')] ?? '').replace(',', '.')) * 1e6, 0);
    expect(Math.round(grams('Entrée') / 1000)).toBe(
      IN.reduce((s, g) => s + Math.round(g / 1000), 0),
    );
    expect(Math.round(grams('Sortie') / 1000)).toBe(
      OUT.reduce((s, g) => s + Math.round(g / 1000), 0),
    );

    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'circular.register.export')));
    expect(audit?.after).toMatchObject({ from: '2012-05-01', to: '2012-05-31', format: 'csv' });
  });

  it('writes the XLSX: a frozen bold header, tonnes as numbers, and the « Totaux » sheet', async () => {
    const res = await get(`/api/waste-register.xlsx?${MAY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="registre-dechets-2012-05-01-2012-05-31.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Registre');
    if (!sheet) throw new Error('no Registre sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1);
    expect(REGISTER_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual([
      ...REGISTER_COLUMNS,
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.actualRowCount).toBe(1 + IN.length + OUT.length);
    const t = REGISTER_COLUMNS.indexOf('Quantité (t)') + 1;
    const d = REGISTER_COLUMNS.indexOf('Date') + 1;
    const rows = Array.from({ length: IN.length + OUT.length }, (_, i) => sheet.getRow(i + 2));
    const dates = rows.map((r) => String(r.getCell(d).value));
    expect(dates).toEqual([...dates].sort());
    expect(rows[0]?.getCell(t).value).toBe(0.123);
    expect(rows[0]?.getCell(t).numFmt).toBe('0.000');
    expect(rows.every((r) => typeof r.getCell(t).value === 'number')).toBe(true);

    const totals = book.getWorksheet('Totaux');
    if (!totals) throw new Error('no Totaux sheet');
    const values = Array.from({ length: totals.actualRowCount }, (_, i) =>
      (totals.getRow(i + 1).values as unknown[]).slice(1),
    );
    expect(values[0]).toEqual(['Flux', 'Code déchet', 'Entrées (t)', 'Sorties (t)']);
    const byName = new Map(values.slice(1).map((v) => [v[0], v]));
    expect(byName.get('Textiles et chaussures')).toEqual([
      'Textiles et chaussures',
      '20 01 10',
      tonnes(123_456),
      tonnes(23_456),
    ]);
    expect(byName.get('Biodéchets')?.slice(2)).toEqual([tonnes(9_000), tonnes(8_000)]);
    expect(byName.get('Déchets résiduels')?.slice(2)).toEqual([1, 0]);
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const total = values.at(-1) ?? [];
    expect([total[0], total[2], total[3]]).toEqual(['Total', tonnes(sum(IN)), tonnes(sum(OUT))]);
    expect(values).toHaveLength(1 + 5 + 1);
  });

  it('narrows to a centre, and to a staff member’s own centre', async () => {
    const kourou = await csv(`${MAY}&centreId=${w.kourou}`);
    expect(kourou.parsed.data).toHaveLength(2);
    const staff = await csv(MAY, w.staff);
    expect(staff.parsed.data.slice(1).map((l) => l[2])).toEqual(['Centre SECCOIA de Kourou']);
    const june = await csv('from=2012-06-01&to=2012-06-30');
    expect(june.parsed.data).toHaveLength(2);
    const none = await csv('from=2010-01-01&to=2010-01-31');
    expect(none.parsed.data).toEqual([[...REGISTER_COLUMNS]]);
  });

  it('refuses missing or bad dates (400) and another centre (403)', async () => {
    for (const ext of ['csv', 'xlsx']) {
      const missing = await get(`/api/waste-register.${ext}?from=2012-05-01`);
      expect(missing.status).toBe(400);
      expect((await json<{ errors: { field: string }[] }>(missing)).errors[0]?.field).toBe('to');
      expect((await get(`/api/waste-register.${ext}?from=2012-02-30&to=2012-03-01`)).status).toBe(
        400,
      );
      const reversed = await get(`/api/waste-register.${ext}?from=2012-05-31&to=2012-05-01`);
      expect(reversed.status).toBe(400);
      expect((await json<{ errors: { field: string }[] }>(reversed)).errors[0]?.field).toBe('to');
      expect(
        (await get(`/api/waste-register.${ext}?${MAY}&centreId=${w.villageChinois}`, w.staff))
          .status,
      ).toBe(403);
      expect((await get(`/api/waste-register.${ext}?${MAY}`, w.facilitator)).status).toBe(403);
    }
  });
});

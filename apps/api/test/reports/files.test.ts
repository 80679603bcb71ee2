import type { ReportModel, TableModel, Unit } from '@lakou/reports/model';
import { reportNames } from '@lakou/reports/model';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { reportSources } from '../../src/reports/registry.ts';
import { type Caller, call, engines, json, seededApp, signIn } from '../harness.ts';

/** The reports registered when the test runs (other reports are added source by source). */
const registered = reportNames.filter((name) => reportSources[name] !== undefined);

const FILTERS = 'from=2026-01-01&to=2026-06-30&granularity=month&compare=last_year';

/** Every table of a model in the files' order: each chart's table, then the tables. */
const tablesOf = (m: ReportModel) => [
  ...m.charts.map((c) => c.title),
  ...m.tables.map((t) => t.title),
];

/**
 * A file's figure back in the model's unit: euros → cents, kilograms → grams, percent → ratio.
 * Written independently of the renderers' code, from the units the headers name.
 */
function backToModel(value: number, unit: Unit, from: 'csv' | 'xlsx'): number {
  switch (unit) {
    case 'cents':
      return Math.round(value * 100);
    case 'grams':
      return Math.round(value * 1000);
    case 'ratio':
      return from === 'csv' ? value / 100 : value;
    default:
      return value;
  }
}

function expectSameFigure(
  got: number | null,
  want: string | number | null | undefined,
  unit: Unit,
) {
  if (typeof want !== 'number') return;
  expect(got).not.toBeNull();
  if (unit === 'ratio' || unit === 'hours') expect(got).toBeCloseTo(want, 4);
  else expect(got).toBe(want);
}

/** The numeric cells of a table (rows and totals) the files must give back. */
function figures(table: TableModel) {
  const lines = table.rows.map((r) => r.cells);
  if (table.totals) lines.push(table.totals);
  return lines;
}

describe.each(engines)('report files (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let admin: Caller;
  let manager: Caller;
  const models = new Map<string, ReportModel>();

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = { cookie: await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD) };
    manager = { cookie: await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD) };
    for (const name of registered) {
      const res = await call(ctx.app, 'GET', `/api/reports/${name}?${FILTERS}`, admin);
      expect(res.status).toBe(200);
      models.set(name, await json<ReportModel>(res));
    }
  });
  afterAll(() => ctx.database.dispose());

  const file = async (path: string, who: Caller = admin) => {
    const res = await call(ctx.app, 'GET', path, who);
    expect(
      res.status,
      await res
        .clone()
        .text()
        .catch(() => ''),
    ).toBe(200);
    return res;
  };

  it.each(registered)('gives the %s report as CSV with the figures of the JSON', async (name) => {
    const model = models.get(name) as ReportModel;
    const res = await file(`/api/reports/${name}?${FILTERS}&format=csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="rapport-[a-z-]+-du-2026-01-01-au-2026-06-30\.csv"$/,
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data;
    expect(rows[0]).toEqual([model.title.replace(/[\u00a0\u202f]/g, ' ')]);
    expect(rows[1]?.slice(2)).toEqual(['2026-01-01', '2026-06-30']);

    // Sections are separated by an empty line: the header, the key figures, then each table.
    const sections: string[][][] = [[]];
    for (const row of rows) {
      if (row.length === 1 && row[0] === '') sections.push([]);
      else sections.at(-1)?.push(row);
    }
    let at = model.kpis.length > 0 ? 2 : 1;
    if (model.kpis.length > 0) {
      const kpis = sections[1] as string[][];
      expect(kpis[0]).toEqual(['Indicateurs clés']);
      model.kpis.forEach((k, i) => {
        const cell = kpis[i + 2]?.[1] ?? '';
        if (k.unit === 'text' || k.value === null) return;
        expectSameFigure(
          backToModel(Number(cell.replace(',', '.')), k.unit, 'csv'),
          k.value,
          k.unit,
        );
      });
    }
    const tables = [
      ...model.charts.map((c) => ({ title: c.title, table: null })),
      ...model.tables.map((t) => ({ title: t.title, table: t })),
    ];
    for (const { title, table } of tables) {
      const section = sections[at] as string[][];
      at += 1;
      expect(section[0]).toEqual([title.replace(/[\u00a0\u202f]/g, ' ')]);
      if (!table) continue;
      const lines = figures(table);
      expect(section.length).toBe(2 + lines.length);
      lines.forEach((cells, r) => {
        table.columns.forEach((c, i) => {
          if (c.unit === 'text') return;
          const raw = section[2 + r]?.[i] ?? '';
          const want = cells[c.key];
          if (typeof want !== 'number') return;
          expectSameFigure(backToModel(Number(raw.replace(',', '.')), c.unit, 'csv'), want, c.unit);
        });
      });
    }
  });

  it.each(registered)('gives the %s report as XLSX with the figures of the JSON', async (name) => {
    const model = models.get(name) as ReportModel;
    const res = await file(`/api/reports/${name}?${FILTERS}&format=xlsx`);
    expect(res.headers.get('content-disposition')).toMatch(/-du-2026-01-01-au-2026-06-30\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name).at(-1)).toBe('Définitions');
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe(model.title.replace(/[\u00a0\u202f]/g, ' '));

    // Blocks of rows between empty rows, as the sheet lays them out.
    const blocks: ExcelJS.Row[][] = [[]];
    for (let n = 1; n <= sheet.rowCount; n += 1) {
      const row = sheet.getRow(n);
      if (row.actualCellCount === 0) blocks.push([]);
      else blocks.at(-1)?.push(row);
    }
    let at = model.kpis.length > 0 ? 2 : 1;
    if (model.kpis.length > 0) {
      const kpis = blocks[1] as ExcelJS.Row[];
      model.kpis.forEach((k, i) => {
        const cell = kpis[i + 2]?.getCell(2);
        if (k.unit === 'text' || k.value === null) return;
        expect(typeof cell?.value).toBe('number');
        expectSameFigure(backToModel(Number(cell?.value), k.unit, 'xlsx'), k.value, k.unit);
        if (k.unit === 'cents') expect(cell?.numFmt).toContain('€');
        if (k.unit === 'grams') expect(cell?.numFmt).toContain('kg');
        if (k.unit === 'ratio') expect(cell?.numFmt).toContain('%');
      });
    }
    expect(blocks.slice(at).map((b) => b[0]?.getCell(1).value)).toEqual(
      tablesOf(model).map((t) => t.replace(/[\u00a0\u202f]/g, ' ')),
    );
    at += model.charts.length;
    for (const table of model.tables) {
      const block = blocks[at] as ExcelJS.Row[];
      at += 1;
      figures(table).forEach((cells, r) => {
        table.columns.forEach((c, i) => {
          if (c.unit === 'text' || typeof cells[c.key] !== 'number') return;
          const value = block[2 + r]?.getCell(i + 1).value;
          expectSameFigure(backToModel(Number(value), c.unit, 'xlsx'), cells[c.key], c.unit);
        });
      });
    }
  });

  it.each(registered)('gives the %s report as a PDF', async (name) => {
    const model = models.get(name) as ReportModel;
    const res = await file(`/api/reports/${name}?${FILTERS}&format=pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    for (const title of [model.title, ...tablesOf(model)])
      expect(flat).toContain(title.replace(/[\u00a0\u202f]/g, ' '));
  });

  it('makes the board pack of every report the reader may read', async () => {
    const res = await file(`/api/reports/board-pack.pdf?${FILTERS}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="dossier-du-conseil-du-2026-01-01-au-2026-06-30.pdf"',
    );
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = text.map((t) => t.replace(/\s+/g, ' '));
    expect(pages[0]).toContain('Dossier du conseil d’administration');
    expect(pages[0]).toContain('Tout le réseau');
    expect(pages[1]).toContain('Sommaire');
    const contents = pages.slice(1).join(' ');
    // Every registered report, in the order of the report names.
    const titles = registered.map((n) => (models.get(n) as ReportModel).title);
    const positions = titles.map((t) => contents.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('makes a manager’s board pack for their centres', async () => {
    const res = await file(`/api/reports/board-pack.pdf?${FILTERS}`, manager);
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: false });
    expect(text[0]).not.toContain('Tout le réseau');
    expect(text[0]).toMatch(/Mont/);
  });
});

/**
 * Reports as PDF (pdfkit, node only): one report, or the board pack — a cover, a table of contents
 * with page numbers and links, then each report: its key figures, each chart drawn with vector
 * primitives from the model (bars, lines or a doughnut, axes, legend, the palette of the hub's
 * charts) followed by its data table, its tables and its definitions. Page numbers in the footer.
 */
import type PDFDocument from 'pdfkit';
import type { ChartModel, Kpi, ReportModel, TableModel } from '../model/report.ts';
import {
  axisMassUnit,
  chartAsTable,
  chartFormatter,
  chartLabels,
  DASH_PATTERNS,
  formatValue,
  lighten,
  POINT_STYLES,
  PREVIOUS_DASH,
  PREVIOUS_LIGHTEN,
  PREVIOUS_SUFFIX,
  seriesColour,
} from './chart.ts';
import { centresText } from './file-units.ts';

export interface BoardPackOptions {
  /** The pack's title, on its cover and in the document's properties. */
  title: string;
  /** The calendar day it was made, AAAA-MM-JJ. */
  generatedOn: string;
  /** The centres it covers, as the reader should read them (« Tout le réseau », « Centre de Kourou »). */
  centresLabel: string;
}

/**
 * The standard PDF fonts only know the WinAnsi characters: the narrow no-break space of French
 * number formatting (Intl fr-FR) becomes a no-break space, and anything else they cannot draw a « ? ».
 */
const WIN_ANSI_EXTRA = new Set(
  '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((ch) => ch.codePointAt(0) as number),
);
export function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u202f\u2009]/g, '\u00a0').replace(/[\u2212]/g, '-')) {
    const code = ch.codePointAt(0) as number;
    const ok = code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    out += ok || WIN_ANSI_EXTRA.has(code) ? ch : '?';
  }
  return out;
}

const INK = '#1F2937';
const MUTED = '#4B5563';
const RULE = '#D1D5DB';
const ZEBRA = '#F3F4F6';
const HEADER_FILL = '#E5E7EB';
const ACCENT = '#1F3A5F';
const MARGIN = 50;
const FOOTER_SPACE = 30;

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

type Doc = PDFKit.PDFDocument;

/** A dash pattern of any length (pdfkit takes an array, its types only a single length). */
function dashed(doc: Doc, pattern: readonly number[]): Doc {
  return (doc.dash as unknown as (pattern: number[], options: object) => Doc).call(
    doc,
    [...pattern],
    {},
  );
}

interface TocEntry {
  title: string;
  level: 0 | 1;
  page: number;
  destination: string;
}

/** Collects the chunks of a document into one byte array. */
function collect(doc: Doc): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => {
      const size = chunks.reduce((n, c) => n + c.length, 0);
      const bytes = new Uint8Array(new ArrayBuffer(size));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      resolve(bytes);
    });
    doc.on('error', reject);
  });
}

/** A document with its current page number and its table of contents being recorded. */
/** pdfkit, loaded when a PDF is asked for, not when the server starts (~0.3 s of start-up). */
const loadPdfKit = async (): Promise<typeof PDFDocument> => (await import('pdfkit')).default;

class Writer {
  readonly doc: Doc;
  /** 1-based number of the current page. */
  page = 1;
  readonly toc: TocEntry[] = [];
  private destinations = 0;

  constructor(PDFKitDocument: typeof PDFDocument, title: string) {
    this.doc = new PDFKitDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
      lang: 'fr-FR',
      bufferPages: true,
      displayTitle: true,
      info: { Title: printable(title), Author: 'Lakou', Creator: 'Lakou' },
    });
    this.doc.on('pageAdded', () => {
      this.page += 1;
    });
    this.doc.font('Helvetica').fontSize(10).fillColor(INK);
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get left(): number {
    return this.doc.page.margins.left;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
    this.doc.x = this.left;
  }

  text(value: string, options: PDFKit.Mixins.TextOptions = {}): void {
    this.doc.text(printable(value), this.left, undefined, { width: this.width, ...options });
  }

  /** Text at a place, on one line (cut with « … » when too long); the flow's position is kept. */
  at(value: string, x: number, y: number, width: number, options: PDFKit.Mixins.TextOptions = {}) {
    const { x: flowX, y: flowY } = this.doc;
    this.doc.text(printable(value), x, y, {
      width,
      height: this.doc.currentLineHeight(true) + 0.5,
      ellipsis: true,
      ...options,
    });
    this.doc.x = flowX;
    this.doc.y = flowY;
  }

  /** A heading recorded in the table of contents (and as a link target and a PDF bookmark). */
  heading(title: string, level: 0 | 1, keepWith = 60): void {
    this.destinations += 1;
    const destination = `section-${this.destinations}`;
    const size = level === 0 ? 18 : 12;
    this.ensure((level === 0 ? 30 : 22) + keepWith);
    this.toc.push({ title, level, page: this.page, destination });
    this.doc
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor(level === 0 ? ACCENT : INK);
    this.text(title, { destination });
    if (level === 0) this.doc.outline.addItem(printable(title));
    this.doc.font('Helvetica').fontSize(10).fillColor(INK);
    this.doc.moveDown(0.3);
  }

  /** « Page 3 sur 12 » in every page's footer (from `from`, the cover has none). */
  footer(label: string, from = 1): void {
    const range = this.doc.bufferedPageRange();
    const total = range.count;
    for (let i = from - 1; i < total; i += 1) {
      this.doc.switchToPage(range.start + i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - MARGIN - 12;
      this.doc
        .moveTo(this.left, y - 6)
        .lineTo(this.left + this.width, y - 6)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc.font('Helvetica').fontSize(8).fillColor(MUTED);
      this.at(label, this.left, y, this.width * 0.7);
      this.at(`Page ${i + 1} sur ${total}`, this.left + this.width * 0.7, y, this.width * 0.3, {
        align: 'right',
      });
      this.doc.page.margins.bottom = bottom;
    }
  }
}

// ————— key figures —————

function kpiCards(w: Writer, kpis: readonly Kpi[]): void {
  if (kpis.length === 0) return;
  const doc = w.doc;
  const perRow = 3;
  const gap = 10;
  const cardW = (w.width - gap * (perRow - 1)) / perRow;
  const cardH = 62;
  for (let start = 0; start < kpis.length; start += perRow) {
    w.ensure(cardH + gap);
    const y = doc.y;
    kpis.slice(start, start + perRow).forEach((k, i) => {
      const x = w.left + i * (cardW + gap);
      doc.roundedRect(x, y, cardW, cardH, 4).lineWidth(0.75).strokeColor(RULE).stroke();
      doc.font('Helvetica').fontSize(8).fillColor(MUTED);
      w.at(k.label, x + 8, y + 7, cardW - 16);
      doc.font('Helvetica-Bold').fontSize(15).fillColor(INK);
      w.at(formatValue(k.value, k.unit), x + 8, y + 21, cardW - 16);
      if (k.previous !== undefined) {
        doc.font('Helvetica').fontSize(7).fillColor(MUTED);
        w.at(
          `Période de comparaison : ${formatValue(k.previous, k.unit)}`,
          x + 8,
          y + 44,
          cardW - 16,
        );
      }
    });
    doc.y = y + cardH + gap;
    doc.x = w.left;
  }
  doc.font('Helvetica').fontSize(10).fillColor(INK);
}

// ————— charts —————

/** Round axis bounds and a step of 1, 2, 2.5 or 5 × 10^k, about `count` steps. */
export function niceScale(
  min: number,
  max: number,
  count = 5,
  integer = false,
): { min: number; max: number; step: number } {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  // Counts step by whole units (never « 0,2 » cases), and never by 2,5.
  const step = integer ? Math.max(1, nice === 2.5 * power ? 2 * power : nice) : nice;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  return { min: lo, max: hi, step };
}

interface Drawn {
  label: string;
  colour: string;
  fill: string;
  dash: number[];
  marker: (typeof POINT_STYLES)[number];
  markerSize: number;
  values: (number | null)[];
  previous: boolean;
}

function datasetsOf(chart: ChartModel): Drawn[] {
  return chart.series.flatMap((s, i) => {
    const colour = seriesColour(i);
    const marker = POINT_STYLES[i % POINT_STYLES.length] ?? 'circle';
    const current: Drawn = {
      label: s.label,
      colour,
      fill: colour,
      dash: [...(DASH_PATTERNS[i % DASH_PATTERNS.length] ?? [])],
      marker,
      markerSize: 3,
      values: s.values,
      previous: false,
    };
    if (!s.previous) return [current];
    return [
      current,
      {
        label: `${s.label}${PREVIOUS_SUFFIX}`,
        colour: lighten(colour, PREVIOUS_LIGHTEN),
        fill: lighten(colour, 0.6),
        dash: [...PREVIOUS_DASH],
        marker,
        markerSize: 2.5,
        values: s.previous,
        previous: true,
      },
    ];
  });
}

function drawMarker(
  doc: Doc,
  marker: Drawn['marker'],
  x: number,
  y: number,
  r: number,
  colour: string,
) {
  doc.save().undash().lineWidth(1).fillColor(colour).strokeColor(colour);
  switch (marker) {
    case 'rect':
    case 'rectRounded':
      doc.rect(x - r, y - r, 2 * r, 2 * r).fill();
      break;
    case 'triangle':
      doc.polygon([x, y - r * 1.2], [x + r * 1.1, y + r * 0.8], [x - r * 1.1, y + r * 0.8]).fill();
      break;
    case 'rectRot':
      doc.polygon([x, y - r * 1.3], [x + r * 1.3, y], [x, y + r * 1.3], [x - r * 1.3, y]).fill();
      break;
    case 'star': {
      const points: [number, number][] = [];
      for (let k = 0; k < 10; k += 1) {
        const radius = k % 2 === 0 ? r * 1.4 : r * 0.6;
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        points.push([x + radius * Math.cos(angle), y + radius * Math.sin(angle)]);
      }
      doc.polygon(...points).fill();
      break;
    }
    case 'crossRot':
      doc
        .lineWidth(1.5)
        .moveTo(x - r, y - r)
        .lineTo(x + r, y + r)
        .moveTo(x + r, y - r)
        .lineTo(x - r, y + r)
        .stroke();
      break;
    case 'cross':
      doc
        .lineWidth(1.5)
        .moveTo(x - r, y)
        .lineTo(x + r, y)
        .moveTo(x, y - r)
        .lineTo(x, y + r)
        .stroke();
      break;
    default:
      doc.circle(x, y, r).fill();
  }
  doc.restore();
}

/** Lays out legend entries in rows; returns the rows' height. */
function legend(
  w: Writer,
  entries: readonly { label: string; draw: (x: number, y: number) => void }[],
  x: number,
  y: number,
  width: number,
  measureOnly: boolean,
): number {
  const doc = w.doc;
  doc.font('Helvetica').fontSize(7.5);
  const rowH = 12;
  let cx = x;
  let cy = y;
  for (const e of entries) {
    const textW = Math.min(doc.widthOfString(printable(e.label)), width - 26);
    const entryW = 22 + textW + 12;
    if (cx > x && cx + entryW > x + width) {
      cx = x;
      cy += rowH;
    }
    if (!measureOnly) {
      e.draw(cx, cy + 4);
      doc.fillColor(INK);
      w.at(e.label, cx + 22, cy, textW + 1);
    }
    cx += entryW;
  }
  return entries.length === 0 ? 0 : cy - y + rowH;
}

function drawDoughnut(
  w: Writer,
  chart: ChartModel,
  x: number,
  y: number,
  width: number,
  height: number,
) {
  const doc = w.doc;
  const format = chartFormatter(chart);
  const labels = chartLabels(chart);
  const values = (chart.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.min(height / 2 - 4, width / 4);
  const inner = r * 0.55;
  const cx = x + r + 10;
  const cy = y + height / 2;
  if (total === 0) {
    doc.circle(cx, cy, r).lineWidth(1).strokeColor(RULE).stroke();
  } else {
    let a0 = -Math.PI / 2;
    values.forEach((v, i) => {
      if (v === 0) return;
      const a1 = a0 + (v / total) * 2 * Math.PI;
      const large = a1 - a0 > Math.PI ? 1 : 0;
      const p = (rad: number, a: number) => `${cx + rad * Math.cos(a)} ${cy + rad * Math.sin(a)}`;
      // A full ring is two half arcs (an arc cannot start and end at the same point).
      const path =
        values.filter((u) => u > 0).length === 1
          ? `M ${p(r, a0)} A ${r} ${r} 0 1 1 ${p(r, a0 + Math.PI)} A ${r} ${r} 0 1 1 ${p(r, a0)} ` +
            `L ${p(inner, a0)} A ${inner} ${inner} 0 1 0 ${p(inner, a0 + Math.PI)} A ${inner} ${inner} 0 1 0 ${p(inner, a0)} Z`
          : `M ${p(r, a0)} A ${r} ${r} 0 ${large} 1 ${p(r, a1)} L ${p(inner, a1)} ` +
            `A ${inner} ${inner} 0 ${large} 0 ${p(inner, a0)} Z`;
      doc.path(path).fillColor(seriesColour(i)).fill();
      doc.path(path).lineWidth(1).strokeColor('#FFFFFF').stroke();
      a0 = a1;
    });
  }
  // The legend beside it: a swatch per category, its value and share.
  doc.font('Helvetica').fontSize(8);
  const lx = cx + r + 24;
  const lw = x + width - lx;
  labels.forEach((label, i) => {
    const ly = y + 6 + i * 14;
    if (ly > y + height - 10) return;
    doc
      .rect(lx, ly + 1, 9, 9)
      .fillColor(seriesColour(i))
      .fill();
    const v = chart.series[0]?.values[i] ?? null;
    const share = total > 0 && v !== null ? ` (${formatValue(v / total, 'ratio')})` : '';
    doc.fillColor(INK);
    w.at(`${label} : ${format(v)}${share}`, lx + 14, ly + 1, lw - 14);
  });
}

function drawAxesChart(
  w: Writer,
  chart: ChartModel,
  x: number,
  y: number,
  width: number,
  height: number,
  sets: readonly Drawn[],
) {
  const doc = w.doc;
  const labels = chartLabels(chart);
  const n = Math.max(1, chart.buckets.length);
  const stacked = chart.kind === 'stacked-bar';
  const line = chart.kind === 'line';

  // The value range: each value, or for stacks each bucket's sums of positive and negative parts.
  let lo = 0;
  let hi = 0;
  if (stacked) {
    for (const group of [false, true]) {
      for (let b = 0; b < n; b += 1) {
        let pos = 0;
        let neg = 0;
        for (const s of sets.filter((d) => d.previous === group)) {
          const v = s.values[b] ?? 0;
          if (v >= 0) pos += v;
          else neg += v;
        }
        hi = Math.max(hi, pos);
        lo = Math.min(lo, neg);
      }
    }
  } else {
    for (const s of sets)
      for (const v of s.values)
        if (v !== null) {
          hi = Math.max(hi, v);
          lo = Math.min(lo, v);
        }
  }
  const scale = niceScale(lo, hi, 5, chart.unit === 'count');
  // The value axis reads in one unit, for masses the one of its largest tick.
  const massUnit = axisMassUnit([scale.min, scale.max]);
  const format =
    chart.unit === 'grams'
      ? (v: number | null) => formatValue(v, 'grams', { massUnit })
      : chartFormatter(chart);
  const axisW = 64;
  const labelsH = 14;
  const px = x + axisW;
  const pw = width - axisW;
  const py = y + 4;
  const ph = height - labelsH - 4;
  const yOf = (v: number) => py + ph - ((v - scale.min) / (scale.max - scale.min)) * ph;

  // Grid and value axis.
  doc.font('Helvetica').fontSize(7);
  for (let v = scale.min; v <= scale.max + scale.step / 2; v += scale.step) {
    const gy = yOf(v);
    doc
      .moveTo(px, gy)
      .lineTo(px + pw, gy)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.fillColor(MUTED);
    w.at(format(Math.round(v * 1000) / 1000), x, gy - 3.5, axisW - 6, { align: 'right' });
  }
  doc
    .moveTo(px, yOf(0))
    .lineTo(px + pw, yOf(0))
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke();
  doc
    .moveTo(px, py)
    .lineTo(px, py + ph)
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke();

  // Bucket labels, every `step`-th when they would overlap.
  const slot = pw / n;
  const widest = Math.max(...labels.map((l) => doc.widthOfString(printable(l))), 1);
  const every = Math.max(1, Math.ceil((widest + 6) / slot));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    const cx = px + slot * (i + 0.5);
    const lw = slot * every;
    doc.fillColor(INK);
    w.at(label, cx - lw / 2, py + ph + 4, lw, { align: 'center' });
  });

  if (line) {
    for (const s of sets) {
      doc
        .save()
        .lineWidth(s.previous ? 1.5 : 2)
        .strokeColor(s.colour);
      if (s.dash.length > 0) dashed(doc, s.dash);
      let open = false;
      s.values.forEach((v, i) => {
        const cx = px + slot * (i + 0.5);
        if (v === null) {
          open = false;
          return;
        }
        if (open) doc.lineTo(cx, yOf(v));
        else doc.moveTo(cx, yOf(v));
        open = true;
      });
      doc.stroke().restore();
      s.values.forEach((v, i) => {
        if (v !== null)
          drawMarker(doc, s.marker, px + slot * (i + 0.5), yOf(v), s.markerSize, s.colour);
      });
    }
    return;
  }

  // Bars: side by side per bucket, or stacked (the comparison period's stack beside the current).
  const groups = stacked
    ? [sets.filter((s) => !s.previous), sets.filter((s) => s.previous)].filter((g) => g.length > 0)
    : sets.map((s) => [s]);
  const barW = (slot * 0.8) / Math.max(1, groups.length);
  for (let b = 0; b < n; b += 1) {
    groups.forEach((group, g) => {
      const bx = px + slot * b + slot * 0.1 + g * barW;
      let pos = 0;
      let neg = 0;
      for (const s of group) {
        const v = s.values[b];
        if (v === null || v === undefined || v === 0) continue;
        const base = v >= 0 ? pos : neg;
        const top = base + v;
        if (v >= 0) pos = top;
        else neg = top;
        const y0 = yOf(Math.max(base, top));
        const h = Math.abs(yOf(base) - yOf(top));
        doc
          .save()
          .rect(bx, y0, barW - 1, h)
          .fillColor(s.fill)
          .fill()
          .restore();
        if (s.previous)
          doc
            .save()
            .rect(bx, y0, barW - 1, h)
            .lineWidth(0.8)
            .dash(PREVIOUS_DASH[0], { space: PREVIOUS_DASH[1] })
            .strokeColor(s.colour)
            .stroke()
            .restore();
      }
    });
  }
}

const CHART_HEIGHT = 170;

function drawChart(w: Writer, chart: ChartModel): void {
  const doc = w.doc;
  const sets = datasetsOf(chart);
  const entries =
    chart.kind === 'doughnut'
      ? []
      : sets.map((s) => ({
          label: s.label,
          draw: (ex: number, ey: number) => {
            if (chart.kind === 'line') {
              doc.save().lineWidth(2).strokeColor(s.colour);
              if (s.dash.length > 0) dashed(doc, s.dash);
              doc
                .moveTo(ex, ey)
                .lineTo(ex + 18, ey)
                .stroke()
                .restore();
              drawMarker(doc, s.marker, ex + 9, ey, 2.5, s.colour);
            } else {
              doc
                .save()
                .rect(ex + 2, ey - 4, 14, 8)
                .fillColor(s.fill)
                .fill()
                .restore();
              if (s.previous)
                doc
                  .save()
                  .rect(ex + 2, ey - 4, 14, 8)
                  .lineWidth(0.8)
                  .dash(PREVIOUS_DASH[0], { space: PREVIOUS_DASH[1] })
                  .strokeColor(s.colour)
                  .stroke()
                  .restore();
            }
          },
        }));
  const legendH = legend(w, entries, w.left, 0, w.width, true);
  w.ensure(CHART_HEIGHT + legendH + 16);
  const y = doc.y;
  if (chart.kind === 'doughnut') drawDoughnut(w, chart, w.left, y, w.width, CHART_HEIGHT);
  else drawAxesChart(w, chart, w.left, y, w.width, CHART_HEIGHT, sets);
  legend(w, entries, w.left, y + CHART_HEIGHT + 6, w.width, false);
  doc.y = y + CHART_HEIGHT + legendH + 14;
  doc.x = w.left;
  doc.font('Helvetica').fontSize(10).fillColor(INK);
}

// ————— tables —————

function drawTable(w: Writer, table: TableModel, caption?: string): void {
  const doc = w.doc;
  const cols = table.columns;
  if (cols.length === 0) return;
  const size = cols.length <= 5 ? 8 : cols.length <= 8 ? 7 : 6;
  // The first column (what a row is) gets more room, less as more figure columns need it.
  const firstShare = cols.length <= 4 ? 0.34 : cols.length <= 7 ? 0.24 : 0.15;
  const first = cols.length === 1 ? w.width : Math.max(w.width * firstShare, w.width / cols.length);
  const rest = cols.length === 1 ? 0 : (w.width - first) / (cols.length - 1);
  const widths = cols.map((_, i) => (i === 0 ? first : rest));
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const rowH = size + 7;
  const pad = 3;
  const alignOf = (i: number) => ((cols[i]?.unit ?? 'text') === 'text' ? 'left' : 'right');

  doc.font('Helvetica-Bold').fontSize(size);
  const headerH =
    Math.max(
      ...cols.map((c, i) =>
        doc.heightOfString(printable(c.label), { width: (widths[i] ?? 0) - 2 * pad }),
      ),
    ) +
    2 * pad;

  const header = () => {
    const y = doc.y;
    doc.rect(w.left, y, w.width, headerH).fillColor(HEADER_FILL).fill();
    doc.font('Helvetica-Bold').fontSize(size).fillColor(INK);
    cols.forEach((c, i) => {
      doc.text(printable(c.label), (xs[i] ?? 0) + pad, y + pad, {
        width: (widths[i] ?? 0) - 2 * pad,
        align: alignOf(i),
      });
    });
    doc.y = y + headerH;
  };
  // A column of masses reads in one unit (kilograms, or tonnes when some figure reaches a tonne).
  const massUnits = cols.map((c) =>
    c.unit === 'grams'
      ? axisMassUnit(
          [...table.rows.map((r) => r.cells[c.key]), table.totals?.[c.key]].filter(
            (v): v is number => typeof v === 'number',
          ),
        )
      : undefined,
  );
  const cellText = (value: string | number | null | undefined, i: number) => {
    const unit = cols[i]?.unit ?? 'text';
    if (value === undefined) return '';
    const massUnit = massUnits[i];
    return typeof value === 'string'
      ? value
      : formatValue(value, unit, massUnit ? { massUnit } : {});
  };
  const line = (
    cells: Record<string, string | number | null>,
    y: number,
    bold: boolean,
    zebra: boolean,
  ) => {
    if (zebra) doc.rect(w.left, y, w.width, rowH).fillColor(ZEBRA).fill();
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .fillColor(INK);
    cols.forEach((c, i) => {
      w.at(
        cellText(cells[c.key], i),
        (xs[i] ?? 0) + pad,
        y + (rowH - size) / 2,
        (widths[i] ?? 0) - 2 * pad,
        {
          align: alignOf(i),
        },
      );
    });
  };

  if (caption) {
    w.ensure(18 + headerH + rowH * 2);
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
    w.text(caption);
    doc.moveDown(0.2);
  } else {
    w.ensure(headerH + rowH * 2);
  }
  header();
  table.rows.forEach((r, index) => {
    if (doc.y + rowH > w.bottom) {
      doc.addPage();
      header();
    }
    line(r.cells, doc.y, false, index % 2 === 1);
    doc.y += rowH;
  });
  if (table.rows.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(size).fillColor(MUTED);
    w.at(
      'Aucune donnée sur la période.',
      w.left + pad,
      doc.y + (rowH - size) / 2,
      w.width - 2 * pad,
    );
    doc.y += rowH;
  }
  if (table.totals) {
    if (doc.y + rowH > w.bottom) {
      doc.addPage();
      header();
    }
    const totals = { ...table.totals };
    const firstKey = cols[0]?.key;
    if (firstKey && totals[firstKey] === undefined) totals[firstKey] = 'Total';
    doc
      .moveTo(w.left, doc.y)
      .lineTo(w.left + w.width, doc.y)
      .lineWidth(0.8)
      .strokeColor(MUTED)
      .stroke();
    line(totals, doc.y, true, false);
    doc.y += rowH;
  }
  doc.y += 12;
  doc.x = w.left;
  doc.font('Helvetica').fontSize(10).fillColor(INK);
}

// ————— a report —————

function subtitle(model: ReportModel): string {
  const parts = [`Période : ${model.period.label}`];
  if (model.comparison) parts.push(`comparée à : ${model.comparison.label}`);
  return parts.join(' — ');
}

function reportBody(w: Writer, model: ReportModel): void {
  const doc = w.doc;
  w.heading(model.title, 0);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  w.text(subtitle(model));
  w.text(`Centres : ${centresText(model)}`);
  doc.moveDown(0.8).fillColor(INK);

  kpiCards(w, model.kpis);
  for (const chart of model.charts) {
    doc.moveDown(0.4);
    w.heading(chart.title, 1, CHART_HEIGHT + 40);
    drawChart(w, chart);
    drawTable(w, chartAsTable(chart), 'Les données du graphique');
  }
  for (const table of model.tables) {
    doc.moveDown(0.4);
    w.heading(table.title, 1);
    drawTable(w, table);
  }
  const definitions = [
    ...model.kpis.flatMap((k) =>
      k.definition ? [{ term: k.label, definition: k.definition }] : [],
    ),
    ...model.notes,
  ];
  if (definitions.length > 0) {
    doc.moveDown(0.4);
    w.heading('Définitions', 1);
    for (const d of definitions) {
      w.ensure(24);
      doc.font('Helvetica-Bold').fontSize(9).fillColor(INK);
      doc.text(printable(`${d.term} : `), w.left, undefined, { width: w.width, continued: true });
      doc.font('Helvetica').text(printable(d.definition));
      doc.moveDown(0.3);
    }
  }
}

/** One report as a PDF: its header, then its body; page numbers in the footer. */
export async function reportPdf(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const w = new Writer(await loadPdfKit(), model.title);
  const done = collect(w.doc);
  reportBody(w, model);
  w.footer(`Lakou — ${model.title} — ${model.period.label}`);
  w.doc.end();
  return done;
}

const TOC_LINE = 18;

/**
 * The board pack: a cover, a table of contents with page numbers and links, then every report
 * (each from a new page).
 */
export async function boardPackPdf(
  models: readonly ReportModel[],
  options: BoardPackOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const w = new Writer(await loadPdfKit(), options.title);
  const doc = w.doc;
  const done = collect(doc);

  // Cover.
  doc.rect(0, 0, doc.page.width, 8).fillColor(ACCENT).fill();
  doc.y = 220;
  doc.font('Helvetica-Bold').fontSize(28).fillColor(ACCENT);
  w.text(options.title, { align: 'center' });
  doc.moveDown(1).font('Helvetica').fontSize(13).fillColor(INK);
  const first = models[0];
  if (first) w.text(`Période : ${first.period.label}`, { align: 'center' });
  if (first?.comparison) w.text(`Comparée à : ${first.comparison.label}`, { align: 'center' });
  w.text(`Centres : ${options.centresLabel}`, { align: 'center' });
  doc.moveDown(2).fontSize(10).fillColor(MUTED);
  w.text(`Édité le ${longDate.format(new Date(`${options.generatedOn}T00:00:00Z`))}`, {
    align: 'center',
  });
  if (models.length === 0) {
    doc.moveDown(2).fillColor(INK);
    w.text('Aucun rapport n’est disponible pour ce lecteur.', { align: 'center' });
  }

  // Room for the contents, filled in once the pages are known.
  const entries = models.reduce((n, m) => n + 1 + m.charts.length + m.tables.length + 1, 0);
  const perPage = Math.floor((doc.page.height - 2 * MARGIN - FOOTER_SPACE - 60) / TOC_LINE);
  const tocPages = Math.max(1, Math.ceil(entries / perPage));
  const tocStart = w.page + 1;
  for (let i = 0; i < tocPages; i += 1) doc.addPage();
  doc.outline.addItem('Sommaire');

  for (const model of models) {
    doc.addPage();
    reportBody(w, model);
  }

  // The contents: each report and its sections, dotted to their page number, linked.
  const range = doc.bufferedPageRange();
  let page = tocStart;
  let line = 0;
  const open = (p: number) => {
    doc.switchToPage(range.start + p - 1);
    doc.y = MARGIN;
  };
  open(page);
  doc.font('Helvetica-Bold').fontSize(20).fillColor(ACCENT);
  w.text('Sommaire');
  doc.moveDown(0.8);
  for (const entry of w.toc) {
    if (line >= perPage) {
      page += 1;
      line = 0;
      open(page);
    }
    const y = doc.y;
    const indent = entry.level === 0 ? 0 : 16;
    const numberW = 36;
    doc
      .font(entry.level === 0 ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(entry.level === 0 ? 11 : 9.5)
      .fillColor(INK);
    const title = printable(entry.title);
    const titleW = Math.min(doc.widthOfString(title), w.width - indent - numberW - 20);
    w.at(entry.title, w.left + indent, y, titleW + 1);
    const dotsX = w.left + indent + titleW + 6;
    const dotsW = w.left + w.width - numberW - dotsX;
    if (dotsW > 4) {
      doc.fillColor(RULE);
      const dot = doc.widthOfString('.');
      w.at('.'.repeat(Math.max(0, Math.floor(dotsW / dot) - 1)), dotsX, y, dotsW);
    }
    doc.fillColor(INK);
    w.at(String(entry.page), w.left + w.width - numberW, y, numberW, { align: 'right' });
    doc.goTo(w.left, y, w.width, TOC_LINE - 4, entry.destination);
    doc.y = y + TOC_LINE;
    line += 1;
  }

  w.footer(`Lakou — ${options.title}`, 2);
  doc.end();
  return done;
}

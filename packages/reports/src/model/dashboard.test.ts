import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dashboardInput,
  dashboardPatch,
  MAX_WIDGETS,
  moveWidget,
  type WidgetInput,
  widget,
  widgetDisplays,
} from './dashboard.ts';

const KOUROU = '3f2b8c1e-5d4a-4b7e-9c21-0a6f4e8d2b17';

const chartWidget = (id: string, extra: Partial<WidgetInput> = {}): WidgetInput => ({
  id,
  report: 'recycling',
  chartId: 'tonnage',
  display: 'stacked-bar',
  ...extra,
});

/** The messages of a failed parse, by path. */
function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
}

describe('widget', () => {
  it('fills the filters in: this year, every centre, by month, no comparison', () => {
    expect(widget.parse(chartWidget('w1'))).toEqual({
      id: 'w1',
      report: 'recycling',
      chartId: 'tonnage',
      display: 'stacked-bar',
      kpiKeys: [],
      filters: { period: 'this_year', centreIds: [], granularity: 'month', compare: 'none' },
    });
  });

  it('keeps the filters given', () => {
    const w = widget.parse(
      chartWidget('w1', {
        title: '  Tonnage de Kourou ',
        filters: {
          period: 'last_quarter',
          centreIds: [KOUROU],
          granularity: 'week',
          compare: 'last_year',
        },
      }),
    );
    expect(w.title).toBe('Tonnage de Kourou');
    expect(w.filters).toEqual({
      period: 'last_quarter',
      centreIds: [KOUROU],
      granularity: 'week',
      compare: 'last_year',
    });
  });

  it('shows the KPI cards without a chart; every other display needs one', () => {
    expect(widget.safeParse({ id: 'k', report: 'fund', display: 'kpis' }).success).toBe(true);
    for (const display of widgetDisplays.filter((d) => d !== 'kpis')) {
      const result = widget.safeParse({ id: 'c', report: 'fund', display });
      expect(messages(result)).toEqual([
        ['chartId', 'Choisissez le graphique du rapport à afficher.'],
      ]);
    }
  });

  it('refuses, in French, an unknown report, display, period, granularity or centre', () => {
    expect(messages(widget.safeParse(chartWidget('w', { report: 'budget' as never })))).toEqual([
      ['report', 'Rapport inconnu.'],
    ]);
    expect(messages(widget.safeParse(chartWidget('w', { display: 'pie' as never })))).toEqual([
      ['display', 'Affichage inconnu.'],
    ]);
    expect(
      messages(widget.safeParse(chartWidget('w', { filters: { period: 'forever' as never } }))),
    ).toEqual([['filters.period', 'Période inconnue.']]);
    expect(
      messages(widget.safeParse(chartWidget('w', { filters: { granularity: 'hour' as never } }))),
    ).toEqual([['filters.granularity', 'Granularité inconnue.']]);
    expect(
      messages(widget.safeParse(chartWidget('w', { filters: { centreIds: ['kourou'] } }))),
    ).toEqual([['filters.centreIds.0', 'Identifiant de centre invalide.']]);
    expect(messages(widget.safeParse(chartWidget('un id')))).toEqual([
      ['id', 'Identifiant de widget invalide.'],
    ]);
  });
});

describe('dashboardInput and dashboardPatch', () => {
  it('makes a personal dashboard without widgets by default, its name trimmed', () => {
    expect(dashboardInput.parse({ name: '  Conseil de mars ' })).toEqual({
      name: 'Conseil de mars',
      shared: false,
      widgets: [],
    });
  });

  it('wants a name of 1 to 80 characters', () => {
    expect(messages(dashboardInput.safeParse({ name: '   ' }))).toEqual([
      ['name', 'Donnez un nom au tableau de bord.'],
    ]);
    expect(messages(dashboardInput.safeParse({}))).toEqual([
      ['name', 'Donnez un nom au tableau de bord.'],
    ]);
    expect(dashboardInput.safeParse({ name: 'x'.repeat(81) }).success).toBe(false);
  });

  it(`takes up to ${MAX_WIDGETS} widgets with distinct ids`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => chartWidget(`w${i}`));
    expect(dashboardInput.safeParse({ name: 'D', widgets: many(MAX_WIDGETS) }).success).toBe(true);
    expect(
      messages(dashboardInput.safeParse({ name: 'D', widgets: many(MAX_WIDGETS + 1) })),
    ).toEqual([['widgets', `Un tableau de bord compte au plus ${MAX_WIDGETS} widgets.`]]);
    expect(
      messages(
        dashboardInput.safeParse({ name: 'D', widgets: [chartWidget('a'), chartWidget('a')] }),
      ),
    ).toEqual([['widgets', 'Deux widgets portent le même identifiant.']]);
  });

  it('needs the version read for a change, and changes only what is sent', () => {
    expect(messages(dashboardPatch.safeParse({ name: 'Autre' }))).toEqual([
      ['version', 'La version lue du tableau de bord est attendue.'],
    ]);
    expect(dashboardPatch.parse({ version: 3, shared: true })).toEqual({
      version: 3,
      shared: true,
    });
  });
});

describe('moveWidget', () => {
  it('moves one place up or down, and leaves the ends in place', () => {
    expect(moveWidget(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveWidget(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveWidget(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveWidget(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the same widgets, and moving down then up is no move', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 30 }),
        fc.nat(),
        (list, i) => {
          const from = i % (list.length - 1);
          const moved = moveWidget(list, from, 1);
          expect([...moved].sort()).toEqual([...list].sort());
          expect(moved[from + 1]).toBe(list[from]);
          expect(moveWidget(moved, from + 1, -1)).toEqual(list);
        },
      ),
    );
  });
});

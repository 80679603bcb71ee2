/**
 * A hand-made report model for the renderers' tests (not produced by any report definition):
 * two months, two centres, a comparison period, every unit, a null figure and every chart kind.
 */
import type { ReportModel } from '../model/report.ts';

export const fixtureReport: ReportModel = {
  report: 'recycling',
  title: 'Recyclerie : flux de matières',
  period: { from: '2026-01-01', to: '2026-02-28', label: 'du 01/01/2026 au 28/02/2026' },
  comparison: { from: '2025-01-01', to: '2025-02-28', label: 'du 01/01/2025 au 28/02/2025' },
  granularity: 'month',
  compare: 'last_year',
  centres: [
    { id: '00000000-0000-4000-8000-000000000001', name: 'Centre de Cayenne' },
    { id: '00000000-0000-4000-8000-000000000002', name: 'Centre de Kourou' },
  ],
  kpis: [
    {
      key: 'inflow',
      label: 'Matières reçues',
      value: 2_500_000,
      unit: 'grams',
      previous: 1_800_000,
      definition: 'Somme des masses pesées à l’entrée.',
    },
    { key: 'sales', label: 'Ventes', value: 123_456, unit: 'cents', previous: 100_000 },
    { key: 'reuse', label: 'Taux de réemploi', value: 0.375, unit: 'ratio', previous: null },
    { key: 'visits', label: 'Passages', value: 1_204, unit: 'count' },
    { key: 'hours', label: 'Heures bénévoles', value: 12.5, unit: 'hours' },
  ],
  charts: [
    {
      id: 'inflow-by-month',
      title: 'Matières reçues par mois',
      kind: 'bar',
      unit: 'grams',
      axis: 'period',
      buckets: ['2026-01', '2026-02'],
      bucketLabels: ['janvier 2026', 'février 2026'],
      series: [
        {
          key: 'reuse',
          label: 'Réemploi',
          values: [1_000_000, 500_000],
          previous: [600_000, 400_000],
        },
        {
          key: 'recycling',
          label: 'Recyclage',
          values: [750_000, 250_000],
          previous: [500_000, 300_000],
        },
      ],
    },
    {
      id: 'sales-by-month',
      title: 'Ventes par mois',
      kind: 'line',
      unit: 'cents',
      axis: 'period',
      buckets: ['2026-01', '2026-02'],
      bucketLabels: ['janvier 2026', 'février 2026'],
      series: [{ key: 'sales', label: 'Ventes', values: [23_456, null] }],
    },
    {
      id: 'inflow-by-stream',
      title: 'Répartition par flux',
      kind: 'doughnut',
      unit: 'grams',
      axis: 'category',
      buckets: ['textile', 'wood'],
      bucketLabels: ['Textile', 'Bois'],
      series: [{ key: 'inflow', label: 'Matières reçues', values: [1_500_000, 1_000_000] }],
    },
    {
      id: 'inflow-by-centre',
      title: 'Matières par centre',
      kind: 'stacked-bar',
      unit: 'grams',
      axis: 'category',
      buckets: ['c1', 'c2'],
      bucketLabels: ['Centre de Cayenne', 'Centre de Kourou'],
      series: [
        { key: 'reuse', label: 'Réemploi', values: [900_000, 600_000] },
        { key: 'recycling', label: 'Recyclage', values: [700_000, 300_000] },
      ],
    },
  ],
  tables: [
    {
      id: 'by-centre',
      title: 'Par centre',
      columns: [
        { key: 'centre', label: 'Centre', unit: 'text' },
        { key: 'inflow', label: 'Reçu', unit: 'grams' },
        { key: 'sales', label: 'Ventes', unit: 'cents' },
        { key: 'reuse', label: 'Taux de réemploi', unit: 'ratio' },
      ],
      rows: [
        {
          cells: { centre: 'Centre de Cayenne', inflow: 1_600_000, sales: 100_001, reuse: 0.5625 },
          drill: { centreId: '00000000-0000-4000-8000-000000000001' },
        },
        {
          cells: { centre: 'Centre de Kourou', inflow: 900_000, sales: 23_455, reuse: null },
          drill: { centreId: '00000000-0000-4000-8000-000000000002' },
        },
      ],
      totals: { centre: 'Total', inflow: 2_500_000, sales: 123_456, reuse: 0.375 },
    },
  ],
  notes: [
    { term: 'Réemploi', definition: 'Objets remis en circulation sans transformation.' },
    {
      term: 'Taux de réemploi',
      definition: 'Masse réemployée ÷ masse reçue ; « — » si rien reçu.',
    },
  ],
};

/** A second report for the board pack: no comparison, one KPI, one table. */
export const fixtureFund: ReportModel = {
  report: 'fund',
  title: 'Fonds solidaire',
  period: { from: '2026-01-01', to: '2026-02-28', label: 'du 01/01/2026 au 28/02/2026' },
  comparison: null,
  granularity: 'month',
  compare: 'none',
  centres: [],
  kpis: [{ key: 'gifts', label: 'Dons reçus', value: 50_000, unit: 'cents' }],
  charts: [],
  tables: [
    {
      id: 'sub-funds',
      title: 'Sous-fonds',
      columns: [
        { key: 'name', label: 'Sous-fonds', unit: 'text' },
        { key: 'balance', label: 'Solde', unit: 'cents' },
      ],
      rows: [{ cells: { name: 'Libre', balance: 50_000 } }],
    },
  ],
  notes: [],
};

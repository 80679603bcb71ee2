import {
  DONOR_KIND_LABELS,
  type DonorKind,
  GRANT_STATUS_LABELS,
  type GrantStatus,
  grantStatuses,
  SUB_FUND_KIND_LABELS,
  type SubFundKind,
  subFundKinds,
} from '@lakou/domain/fund';
import {
  type ChartModel,
  type Kpi,
  type Note,
  type ReportFilters,
  type ReportModel,
  type Row,
  type TableModel,
  valuesInOrder,
} from '../model/index.ts';
import { kpisOf } from '../model/kpis.ts';
import {
  alignedPrevious,
  periodChart,
  type ReportPeriods,
  reportHeader,
  reportPeriods,
} from '../model/period-series.ts';
import { sumOf } from '../model/tables.ts';

/**
 * The fund report: what the endowment fund holds, receives and gives, as the board reads it.
 * The API aggregates in SQL (apps/api/src/reports/fund.queries.ts); this pure function only lays
 * the aggregates out as a `ReportModel`. Every amount is in integer euro cents.
 */

/** Where money and goods come from: money gifts, gifts in kind (valued), grant instalments. */
export const inflowKinds = ['money', 'in_kind', 'grant'] as const;
export type InflowKind = (typeof inflowKinds)[number];

export const INFLOW_KIND_LABELS: Record<InflowKind, string> = {
  money: 'Dons en numéraire',
  in_kind: 'Dons en nature',
  grant: 'Subventions reçues',
};

export const disbursementKinds = ['money', 'goods'] as const;
export type DisbursementKind = (typeof disbursementKinds)[number];

const DISBURSEMENT_KIND_LABELS: Record<DisbursementKind, string> = {
  money: 'En numéraire',
  goods: 'En nature',
};

export type ReceiptKind = 'single' | 'annual';
const RECEIPT_KIND_LABELS: Record<ReceiptKind, string> = {
  single: 'Reçus ponctuels',
  annual: 'Reçus annuels',
};

/** A sub-fund with its balances: before the period, at the end of each bucket, at its end. */
export interface SubFundAggregate {
  id: string;
  code: string;
  name: string;
  kind: SubFundKind;
  openingCents: number;
  /** Sum of the positive entries of the period (gifts, instalments, corrections that add). */
  creditsCents: number;
  /** Sum of the negative entries of the period, as a negative number. */
  debitsCents: number;
  closingCents: number;
  /** Balance at the end of each bucket (bucket key → cents); every bucket of the period. */
  balances: ReadonlyMap<string, number>;
}

export interface FundKpiFigures {
  /** Balance of every sub-fund at the end of the period (network only). */
  balanceCents: number | null;
  /** Money gifts + gifts in kind + grant instalments (network); gifts in kind only (centres). */
  inflowCents: number;
  disbursedCents: number;
  awardedCents: number;
  /** Receipts issued (network only). */
  receiptsCount: number | null;
  receiptsCents: number | null;
}

export interface FundAggregates {
  /** Figures of the fund as a whole; null when the report covers only some centres. */
  network: {
    subFunds: readonly SubFundAggregate[];
    /** Balance per sub-fund kind at the end of each bucket. */
    balancesByKind: ReadonlyMap<SubFundKind, ReadonlyMap<string, number>>;
    receipts: readonly {
      kind: ReceiptKind;
      count: number;
      totalCents: number;
      moneyCents: number;
      inKindCents: number;
    }[];
    cancelledReceipts: number;
  } | null;
  /** Inflows per bucket and kind (in kind only when the report covers some centres). */
  inflowsByBucket: ReadonlyMap<InflowKind, ReadonlyMap<string, number>>;
  /** Inflows per donor type (`null`: a gift without a named donor) and kind over the period. */
  inflowsByDonorKind: readonly { donorKind: DonorKind | null; kind: InflowKind; cents: number }[];
  grants: readonly {
    status: GrantStatus;
    count: number;
    requestedCents: number;
    awardedCents: number;
  }[];
  disbursementsByBucket: ReadonlyMap<DisbursementKind, ReadonlyMap<string, number>>;
  disbursementsByBeneficiary: readonly {
    centreId: string | null;
    partnerId: string | null;
    name: string;
    count: number;
    moneyCents: number;
    goodsCents: number;
  }[];
  kpis: FundKpiFigures;
  /** The same key figures over the comparison period, when one is asked. */
  previous: FundKpiFigures | null;
  /** The comparison period's inflows and disbursements per bucket (its own bucket keys). */
  previousByBucket?: {
    inflows: ReadonlyMap<InflowKind, ReadonlyMap<string, number>>;
    disbursements: ReadonlyMap<DisbursementKind, ReadonlyMap<string, number>>;
  } | null;
}

export interface FundReportOptions {
  /** The whole network is covered: the fund's own figures (balances, money, receipts) are shown. */
  wholeNetwork: boolean;
}

const DONOR_KINDS_IN_ORDER: readonly (DonorKind | null)[] = [
  'individual',
  'company',
  'foundation',
  'public_body',
  null,
];

const donorKindLabel = (k: DonorKind | null) =>
  k === null ? 'Donateur non identifié' : DONOR_KIND_LABELS[k];

const NOTES_COMMON: Note[] = [
  {
    term: 'Dons en nature',
    definition:
      'Valorisation des dons de biens reçus dans la période (date de réception), selon la méthode de valorisation saisie avec le don. Ils n’entrent pas au grand livre : ils ne changent aucun solde.',
  },
  {
    term: 'Décaissements',
    definition:
      'Versements en numéraire à un centre ou à une association partenaire, à leur date de paiement, nets des corrections qui les annulent (à la date de la correction) ; et dons en nature remis par un décaissement en nature, pour leur valorisation, à la date de la remise.',
  },
  {
    term: 'Subventions accordées',
    definition:
      'Montant accordé des demandes dont la décision d’attribution tombe dans la période, quel que soit leur statut depuis (accordée, bilan à rendre, clôturée). Une demande refusée n’a pas de montant accordé.',
  },
  {
    term: 'Suivi des demandes de subvention',
    definition:
      'Demandes selon leur statut au jour du rapport : celles déposées (ou, pour un brouillon, créées) au plus tard à la fin de la période, hors celles clôturées avant son début. Montant demandé et montant accordé de chaque statut.',
  },
];

const NOTES_NETWORK: Note[] = [
  {
    term: 'Solde',
    definition:
      'Somme des écritures du grand livre (dons, versements de subvention, décaissements, corrections) d’un sous-fonds datées au plus tard du dernier jour de chaque intervalle : la même règle que la page des sous-fonds. Le grand livre ne se modifie pas ; une erreur se corrige par une écriture inverse.',
  },
  {
    term: 'Affecté, libre, dotation',
    definition:
      'Les soldes sont regroupés selon le type de sous-fonds : libre d’affectation, affecté à un objet (un centre, un projet, une subvention), dotation en capital.',
  },
  {
    term: 'Entrées',
    definition:
      'Dons en numéraire (à leur date au grand livre) et versements de subvention reçus (à leur date de réception), nets des corrections qui les annulent, plus la valorisation des dons en nature reçus dans la période. Les dons en nature n’entrent dans aucun solde.',
  },
  {
    term: 'Type de donateur',
    definition:
      'Particulier, entreprise, fondation ou organisme public, selon la fiche du donateur (pour une subvention, celle du financeur). « Donateur non identifié » : don saisi sans donateur.',
  },
  {
    term: 'Reçus émis',
    definition:
      'Reçus fiscaux datés de la période et toujours valides : un reçu annulé n’est pas compté (son remplaçant compte à sa propre date). Montant : total du reçu, numéraire et nature.',
  },
];

const NOTE_SCOPED: Note = {
  term: 'Périmètre des centres',
  definition:
    'Le rapport porte sur certains centres seulement : il ne montre que ce qui se rattache à ces centres — décaissements qui leur sont versés, dons en nature qui leur sont destinés, demandes de subvention de leurs projets. Les soldes, les dons en numéraire, les subventions reçues et les reçus fiscaux concernent le fonds entier et ne sont pas montrés.',
};

/** A chart of amounts over the period's buckets. */
const centsChart = (
  periods: ReportPeriods,
  id: string,
  title: string,
  kind: ChartModel['kind'],
  series: ChartModel['series'],
): ChartModel => periodChart(periods, id, title, kind, 'cents', series);

function kpis(now: FundKpiFigures, before: FundKpiFigures | null, wholeNetwork: boolean): Kpi[] {
  const kpi = kpisOf(now, before);
  const list: Kpi[] = [];
  if (wholeNetwork) {
    list.push(
      kpi(
        'balance',
        'Solde total en fin de période',
        'cents',
        (f) => f.balanceCents,
        'Somme des soldes de tous les sous-fonds au dernier jour de la période.',
      ),
    );
  }
  list.push(
    wholeNetwork
      ? kpi(
          'inflows',
          'Entrées de la période',
          'cents',
          (f) => f.inflowCents,
          'Dons en numéraire et subventions reçues (nets des corrections), plus la valorisation des dons en nature.',
        )
      : kpi(
          'inflows',
          'Dons en nature destinés aux centres',
          'cents',
          (f) => f.inflowCents,
          'Valorisation des dons en nature reçus dans la période pour ces centres.',
        ),
    kpi(
      'disbursed',
      wholeNetwork ? 'Décaissé dans la période' : 'Décaissé vers ces centres',
      'cents',
      (f) => f.disbursedCents,
      'Versements en numéraire (nets des corrections) et dons en nature remis, à leur date de paiement.',
    ),
    kpi(
      'awarded',
      wholeNetwork ? 'Subventions accordées' : 'Subventions accordées à leurs projets',
      'cents',
      (f) => f.awardedCents,
      'Montant accordé des demandes dont la décision d’attribution tombe dans la période.',
    ),
  );
  if (wholeNetwork) {
    list.push(
      kpi(
        'receipts',
        'Reçus fiscaux émis',
        'count',
        (f) => f.receiptsCount,
        'Reçus datés de la période et non annulés.',
      ),
      kpi(
        'receiptsAmount',
        'Montant des reçus émis',
        'cents',
        (f) => f.receiptsCents,
        'Total des reçus datés de la période et non annulés.',
      ),
    );
  }
  return list;
}

/** The fund report model from the SQL aggregates. */
export function fundReport(
  filters: ReportFilters,
  aggregates: FundAggregates,
  centres: readonly { id: string; name: string }[],
  options: FundReportOptions,
): ReportModel {
  const periods = reportPeriods(filters);
  const { buckets, previousBuckets, comparison: cmp } = periods;
  const wholeNetwork = options.wholeNetwork && aggregates.network !== null;
  const charts: ChartModel[] = [];
  const tables: TableModel[] = [];
  const network = wholeNetwork ? aggregates.network : null;
  const before = cmp ? (aggregates.previousByBucket ?? null) : null;

  if (network) {
    charts.push(
      centsChart(
        periods,
        'balance-by-sub-fund',
        'Solde de chaque sous-fonds en fin d’intervalle',
        'line',
        network.subFunds.map((f) => ({
          key: f.code,
          label: `${f.code} — ${f.name}`,
          values: valuesInOrder(buckets, f.balances, f.openingCents),
        })),
      ),
      centsChart(
        periods,
        'balance-by-kind',
        'Soldes affectés, libres et dotation',
        'stacked-bar',
        subFundKinds.map((k) => ({
          key: k,
          label: SUB_FUND_KIND_LABELS[k],
          values: valuesInOrder(buckets, network.balancesByKind.get(k) ?? new Map(), 0),
        })),
      ),
    );
  }

  const flowKinds: readonly InflowKind[] = network ? inflowKinds : ['in_kind'];
  charts.push(
    centsChart(
      periods,
      'inflows',
      network ? 'Entrées par nature' : 'Dons en nature destinés aux centres',
      'stacked-bar',
      flowKinds.map((k) => ({
        key: k,
        label: INFLOW_KIND_LABELS[k],
        values: valuesInOrder(buckets, aggregates.inflowsByBucket.get(k) ?? new Map(), 0),
        ...(before
          ? {
              previous: alignedPrevious(
                buckets.length,
                previousBuckets,
                (b) => before.inflows.get(k)?.get(b) ?? 0,
              ),
            }
          : {}),
      })),
    ),
    centsChart(
      periods,
      'disbursements',
      network ? 'Décaissements' : 'Décaissements vers ces centres',
      'stacked-bar',
      disbursementKinds.map((k) => ({
        key: k,
        label: DISBURSEMENT_KIND_LABELS[k],
        values: valuesInOrder(buckets, aggregates.disbursementsByBucket.get(k) ?? new Map(), 0),
        ...(before
          ? {
              previous: alignedPrevious(
                buckets.length,
                previousBuckets,
                (b) => before.disbursements.get(k)?.get(b) ?? 0,
              ),
            }
          : {}),
      })),
    ),
  );

  const grantsByStatus = new Map(aggregates.grants.map((g) => [g.status, g]));
  const pipelineStatuses = grantStatuses.filter((s) => grantsByStatus.has(s));
  charts.push({
    id: 'grants-pipeline',
    title: 'Demandes de subvention par statut',
    kind: 'bar',
    unit: 'cents',
    axis: 'category',
    buckets: [...pipelineStatuses],
    bucketLabels: pipelineStatuses.map((s) => GRANT_STATUS_LABELS[s]),
    series: [
      {
        key: 'requested',
        label: 'Montant demandé',
        values: pipelineStatuses.map((s) => grantsByStatus.get(s)?.requestedCents ?? 0),
      },
      {
        key: 'awarded',
        label: 'Montant accordé',
        values: pipelineStatuses.map((s) => grantsByStatus.get(s)?.awardedCents ?? 0),
      },
    ],
  });

  if (network) {
    const rows: Row[] = network.subFunds.map((f) => ({
      cells: {
        code: f.code,
        name: f.name,
        kind: SUB_FUND_KIND_LABELS[f.kind],
        opening: f.openingCents,
        credits: f.creditsCents,
        debits: f.debitsCents,
        closing: f.closingCents,
      },
    }));
    const sum = (pick: (f: SubFundAggregate) => number) => sumOf(network.subFunds, pick);
    tables.push({
      id: 'sub-funds',
      title: 'Sous-fonds : soldes et mouvements de la période',
      columns: [
        { key: 'code', label: 'Code', unit: 'text' },
        { key: 'name', label: 'Sous-fonds', unit: 'text' },
        { key: 'kind', label: 'Type', unit: 'text' },
        { key: 'opening', label: 'Solde en début de période', unit: 'cents' },
        { key: 'credits', label: 'Écritures au crédit', unit: 'cents' },
        { key: 'debits', label: 'Écritures au débit', unit: 'cents' },
        { key: 'closing', label: 'Solde en fin de période', unit: 'cents' },
      ],
      rows,
      totals: {
        code: 'Total',
        name: null,
        kind: null,
        opening: sum((f) => f.openingCents),
        credits: sum((f) => f.creditsCents),
        debits: sum((f) => f.debitsCents),
        closing: sum((f) => f.closingCents),
      },
    });
  }

  {
    const cell = new Map(
      aggregates.inflowsByDonorKind.map((r) => [`${r.donorKind ?? ''}:${r.kind}`, r.cents]),
    );
    const get = (d: DonorKind | null, k: InflowKind) => cell.get(`${d ?? ''}:${k}`) ?? 0;
    const present = DONOR_KINDS_IN_ORDER.filter((d) => flowKinds.some((k) => get(d, k) !== 0));
    const rows: Row[] = present.map((d) => {
      const cells: Row['cells'] = { donorKind: donorKindLabel(d) };
      for (const k of flowKinds) cells[k] = get(d, k);
      cells.total = flowKinds.reduce((s, k) => s + get(d, k), 0);
      return { cells };
    });
    const totals: NonNullable<TableModel['totals']> = { donorKind: 'Total' };
    for (const k of flowKinds) totals[k] = present.reduce((s, d) => s + get(d, k), 0);
    totals.total = present.reduce((s, d) => s + flowKinds.reduce((t, k) => t + get(d, k), 0), 0);
    tables.push({
      id: 'inflows-by-donor-kind',
      title: network ? 'Entrées par type de donateur' : 'Dons en nature par type de donateur',
      columns: [
        { key: 'donorKind', label: 'Type de donateur', unit: 'text' },
        ...flowKinds.map((k) => ({ key: k, label: INFLOW_KIND_LABELS[k], unit: 'cents' as const })),
        { key: 'total', label: 'Total', unit: 'cents' },
      ],
      rows,
      totals,
    });
  }

  tables.push({
    id: 'grants-pipeline',
    title: 'Demandes de subvention par statut',
    columns: [
      { key: 'status', label: 'Statut', unit: 'text' },
      { key: 'count', label: 'Demandes', unit: 'count' },
      { key: 'requested', label: 'Montant demandé', unit: 'cents' },
      { key: 'awarded', label: 'Montant accordé', unit: 'cents' },
    ],
    rows: pipelineStatuses.map((s) => {
      const g = grantsByStatus.get(s);
      return {
        cells: {
          status: GRANT_STATUS_LABELS[s],
          count: g?.count ?? 0,
          requested: g?.requestedCents ?? 0,
          awarded: g?.awardedCents ?? 0,
        },
      };
    }),
    totals: {
      status: 'Total',
      count: sumOf(aggregates.grants, (g) => g.count),
      requested: sumOf(aggregates.grants, (g) => g.requestedCents),
      awarded: sumOf(aggregates.grants, (g) => g.awardedCents),
    },
  });

  {
    const byBeneficiary = [...aggregates.disbursementsByBeneficiary].sort(
      (a, b) =>
        Number(a.centreId === null) - Number(b.centreId === null) ||
        a.name.localeCompare(b.name, 'fr'),
    );
    tables.push({
      id: 'disbursements-by-beneficiary',
      title: network ? 'Décaissements par centre et par partenaire' : 'Décaissements par centre',
      columns: [
        { key: 'beneficiary', label: 'Bénéficiaire', unit: 'text' },
        { key: 'type', label: 'Type', unit: 'text' },
        { key: 'count', label: 'Décaissements', unit: 'count' },
        { key: 'money', label: 'En numéraire', unit: 'cents' },
        { key: 'goods', label: 'En nature', unit: 'cents' },
        { key: 'total', label: 'Total', unit: 'cents' },
      ],
      rows: byBeneficiary.map((d) => ({
        cells: {
          beneficiary: d.name,
          type: d.centreId ? 'Centre' : 'Partenaire',
          count: d.count,
          money: d.moneyCents,
          goods: d.goodsCents,
          total: d.moneyCents + d.goodsCents,
        },
        ...(d.centreId ? { drill: { centreId: d.centreId } } : {}),
      })),
      totals: {
        beneficiary: 'Total',
        type: null,
        count: sumOf(byBeneficiary, (d) => d.count),
        money: sumOf(byBeneficiary, (d) => d.moneyCents),
        goods: sumOf(byBeneficiary, (d) => d.goodsCents),
        total: sumOf(byBeneficiary, (d) => d.moneyCents + d.goodsCents),
      },
    });
  }

  if (network) {
    const receipts = [...network.receipts].sort((a, b) =>
      a.kind === b.kind ? 0 : a.kind === 'single' ? -1 : 1,
    );
    tables.push({
      id: 'receipts',
      title: 'Reçus fiscaux émis',
      columns: [
        { key: 'kind', label: 'Reçus', unit: 'text' },
        { key: 'count', label: 'Nombre', unit: 'count' },
        { key: 'money', label: 'Numéraire', unit: 'cents' },
        { key: 'inKind', label: 'Nature', unit: 'cents' },
        { key: 'total', label: 'Montant', unit: 'cents' },
      ],
      rows: receipts.map((r) => ({
        cells: {
          kind: RECEIPT_KIND_LABELS[r.kind],
          count: r.count,
          money: r.moneyCents,
          inKind: r.inKindCents,
          total: r.totalCents,
        },
      })),
      totals: {
        kind: 'Total',
        count: sumOf(receipts, (r) => r.count),
        money: sumOf(receipts, (r) => r.moneyCents),
        inKind: sumOf(receipts, (r) => r.inKindCents),
        total: sumOf(receipts, (r) => r.totalCents),
      },
    });
  }

  const notes: Note[] = network
    ? [...NOTES_NETWORK, ...NOTES_COMMON]
    : [NOTE_SCOPED, ...NOTES_COMMON];
  if (network && network.cancelledReceipts > 0) {
    notes.push({
      term: 'Reçus annulés',
      definition: `${network.cancelledReceipts} reçu(s) daté(s) de la période ont été annulés depuis ; ils ne sont pas comptés.`,
    });
  }

  return {
    report: 'fund',
    title: network ? 'Fonds de dotation' : 'Fonds de dotation — part des centres',
    ...reportHeader(periods, centres),
    kpis: kpis(aggregates.kpis, cmp ? aggregates.previous : null, wholeNetwork),
    charts,
    tables,
    notes,
  };
}

import { type BasicNeed, basicNeedLabels, basicNeeds } from '@lakou/domain/shared';
import type { ReportFilters } from '../model/filters.ts';
import { kpisOf } from '../model/kpis.ts';
import {
  centreChart,
  periodChart,
  periodSeries,
  reportHeader,
  reportPeriods,
} from '../model/period-series.ts';
import { bucketLabel } from '../model/periods.ts';
import type { ChartModel, Kpi, Note, ReportModel, Row, TableModel } from '../model/report.ts';
import { byCentreTable } from '../model/tables.ts';
import { occupancyRate } from './bookable.ts';

/**
 * The activity report: what the centres' rooms and desks are used for (occupancy), the events and
 * who came, the basic needs the centres' activities served, and coworking check-ins — per centre
 * and period bucket.
 */

/** The resources whose occupancy is measured (equipment is lent, not occupied). */
export const occupancyKinds = ['room', 'desk'] as const;
export type OccupancyKind = (typeof occupancyKinds)[number];

const KIND_LABELS: Record<OccupancyKind, string> = { room: 'Salles', desk: 'Postes de coworking' };

/** Booked and bookable minutes of a centre's rooms or desks in one bucket. */
export interface OccupancyRow {
  centreId: string;
  kind: OccupancyKind;
  bucket: string;
  bookedMinutes: number;
  bookableMinutes: number;
}

/** The events of a centre that started in one bucket, and their headcounts. */
export interface EventRow {
  centreId: string;
  bucket: string;
  events: number;
  /** Places held by registrations still registered (a registration holds 1 to 10 places). */
  registeredSeats: number;
  /** Of those, the places of registrations marked absent. */
  absentSeats: number;
  /** People counted at the door without registering. */
  anonymous: number;
}

/** The activities (events, and bookings that hold no event) serving one basic need. */
export interface NeedRow {
  need: BasicNeed;
  activities: number;
  people: number;
}

export interface CheckInRow {
  centreId: string;
  bucket: string;
  checkIns: number;
}

/** What the database sums for one period (aggregates only, never single bookings). */
export interface ActivityData {
  occupancy: readonly OccupancyRow[];
  events: readonly EventRow[];
  needs: readonly NeedRow[];
  checkIns: readonly CheckInRow[];
}

export interface ActivityInput {
  filters: ReportFilters;
  centres: readonly { id: string; name: string }[];
  current: ActivityData;
  /** The same sums over the comparison period, when `filters.compare` asks for one. */
  previous: ActivityData | null;
}

/** The sums of some rows of the data (the whole, one centre, one bucket, one centre's bucket). */
export interface ActivityTotals {
  bookedMinutes: Record<OccupancyKind, number>;
  bookableMinutes: Record<OccupancyKind, number>;
  events: number;
  registeredSeats: number;
  absentSeats: number;
  anonymous: number;
  checkIns: number;
}

export const emptyTotals = (): ActivityTotals => ({
  bookedMinutes: { room: 0, desk: 0 },
  bookableMinutes: { room: 0, desk: 0 },
  events: 0,
  registeredSeats: 0,
  absentSeats: 0,
  anonymous: 0,
  checkIns: 0,
});

/** Registered places not marked absent, plus the anonymous headcount. */
export const attendance = (t: ActivityTotals): number =>
  t.registeredSeats - t.absentSeats + t.anonymous;

export const occupancyOf = (t: ActivityTotals, kind: OccupancyKind): number | null =>
  occupancyRate(t.bookedMinutes[kind], t.bookableMinutes[kind]);

/** The data summed per key (`keyOf` null leaves a row out). */
export function totalsBy(
  data: ActivityData,
  keyOf: (row: { centreId: string; bucket: string }) => string | null,
): Map<string, ActivityTotals> {
  const out = new Map<string, ActivityTotals>();
  const at = (row: { centreId: string; bucket: string }) => {
    const key = keyOf(row);
    if (key === null) return null;
    let t = out.get(key);
    if (!t) {
      t = emptyTotals();
      out.set(key, t);
    }
    return t;
  };
  for (const r of data.occupancy) {
    const t = at(r);
    if (!t) continue;
    t.bookedMinutes[r.kind] += r.bookedMinutes;
    t.bookableMinutes[r.kind] += r.bookableMinutes;
  }
  for (const r of data.events) {
    const t = at(r);
    if (!t) continue;
    t.events += r.events;
    t.registeredSeats += r.registeredSeats;
    t.absentSeats += r.absentSeats;
    t.anonymous += r.anonymous;
  }
  for (const r of data.checkIns) {
    const t = at(r);
    if (t) t.checkIns += r.checkIns;
  }
  return out;
}

const whole = (data: ActivityData) => totalsBy(data, () => '').get('') ?? emptyTotals();

const hours = (minutes: number) => minutes / 60;

export const ACTIVITY_NOTES: Note[] = [
  {
    term: 'Taux d’occupation',
    definition:
      'Heures réservées ÷ heures réservables, pour les salles d’une part et les postes de coworking d’autre part (le matériel prêté n’est pas compté). Laissé vide quand rien n’était réservable.',
  },
  {
    term: 'Heures réservées',
    definition:
      'La durée des réservations qui commencent dans la période (jour local, heure de Cayenne), qu’elles soient demandées, confirmées, honorées ou non honorées : une réservation non honorée a tenu le créneau. Les réservations annulées ne comptent pas.',
  },
  {
    term: 'Heures réservables',
    definition:
      'Pour chaque salle ou poste actif (ou inactif mais réservé dans la période) : ses heures réservables de la semaine, ou à défaut les heures d’ouverture de son centre, sur chaque jour de la période que ne couvre aucune fermeture du centre ni de la ressource.',
  },
  {
    term: 'Événements',
    definition:
      'Les événements non annulés qui commencent dans la période, comptés au jour de leur début.',
  },
  {
    term: 'Inscrits',
    definition:
      'Les places tenues par les inscriptions confirmées aux événements (hors liste d’attente et annulations).',
  },
  {
    term: 'Absents',
    definition: 'Les places des inscriptions pointées absentes.',
  },
  {
    term: 'Participants anonymes',
    definition: 'Les personnes comptées à l’entrée sans inscription.',
  },
  {
    term: 'Participation',
    definition:
      'Inscrits non pointés absents + participants anonymes. Un événement dont la présence n’est pas pointée compte ses inscrits.',
  },
  {
    term: 'Besoins de base servis',
    definition:
      'Pour chacun des sept besoins de base : le nombre d’activités qui le servent (événements non annulés, et réservations ni annulées ni non honorées qui ne portent pas d’événement) et les personnes touchées (la participation d’un événement, l’effectif annoncé d’une réservation). Une activité qui sert plusieurs besoins compte pour chacun : les lignes ne s’additionnent pas.',
  },
  {
    term: 'Passages coworking',
    definition:
      'Les pointages des abonnés du coworking : une personne, un jour, dans un centre (un pass ne pointe qu’une fois par jour).',
  },
];

export function activityReport(input: ActivityInput): ReportModel {
  const periods = reportPeriods(input.filters);
  const { buckets } = periods;
  const previous = periods.comparison ? input.previous : null;

  const now = whole(input.current);
  const before = previous ? whole(previous) : null;
  const perBucket = totalsBy(input.current, (r) => r.bucket);
  const previousPerBucket = previous ? totalsBy(previous, (r) => r.bucket) : null;
  const perCentre = totalsBy(input.current, (r) => r.centreId);
  const perCentreBucket = totalsBy(input.current, (r) => `${r.centreId}|${r.bucket}`);

  const kpi = kpisOf(now, before);
  const kpis: Kpi[] = [
    kpi(
      'roomOccupancy',
      'Occupation des salles',
      'ratio',
      (t) => occupancyOf(t, 'room'),
      'Heures réservées ÷ heures réservables des salles.',
    ),
    kpi(
      'deskOccupancy',
      'Occupation du coworking',
      'ratio',
      (t) => occupancyOf(t, 'desk'),
      'Heures réservées ÷ heures réservables des postes de coworking.',
    ),
    kpi(
      'bookedHours',
      'Heures réservées',
      'hours',
      (t) => hours(t.bookedMinutes.room + t.bookedMinutes.desk),
      'Salles et postes, réservations non annulées.',
    ),
    kpi('events', 'Événements', 'count', (t) => t.events, 'Les événements non annulés.'),
    kpi(
      'attendance',
      'Participation',
      'count',
      attendance,
      'Inscrits non pointés absents + participants anonymes.',
    ),
    kpi(
      'registeredSeats',
      'Inscrits',
      'count',
      (t) => t.registeredSeats,
      'Les places des inscriptions confirmées.',
    ),
    kpi(
      'anonymous',
      'Participants anonymes',
      'count',
      (t) => t.anonymous,
      'Les personnes comptées sans inscription.',
    ),
    kpi(
      'checkIns',
      'Passages coworking',
      'count',
      (t) => t.checkIns,
      'Les pointages des abonnés du coworking.',
    ),
  ];

  /** A series per bucket; `empty` for a bucket without any sum. */
  const bucketSeries = (
    key: string,
    label: string,
    value: (t: ActivityTotals) => number | null,
    empty: number | null,
  ) =>
    periodSeries(periods, key, label, perBucket, previousPerBucket, (t) => (t ? value(t) : empty));

  const needsNow = new Map(input.current.needs.map((n) => [n.need, n]));
  const needsBefore = previous ? new Map(previous.needs.map((n) => [n.need, n])) : null;

  const charts: ChartModel[] = [
    periodChart(
      periods,
      'occupancy',
      'Taux d’occupation',
      'line',
      'ratio',
      occupancyKinds.map((k) => bucketSeries(k, KIND_LABELS[k], (t) => occupancyOf(t, k), null)),
    ),
    centreChart(
      input.centres,
      'occupancy-by-centre',
      'Taux d’occupation par centre',
      'ratio',
      occupancyKinds.map((k) => ({
        key: k,
        label: KIND_LABELS[k],
        values: input.centres.map((c) => occupancyOf(perCentre.get(c.id) ?? emptyTotals(), k)),
      })),
    ),
    periodChart(periods, 'events', 'Événements', 'bar', 'count', [
      bucketSeries('events', 'Événements', (t) => t.events, 0),
    ]),
    periodChart(periods, 'attendance', 'Participation aux événements', 'stacked-bar', 'count', [
      bucketSeries('present', 'Inscrits présents', (t) => t.registeredSeats - t.absentSeats, 0),
      bucketSeries('anonymous', 'Participants anonymes', (t) => t.anonymous, 0),
    ]),
    {
      id: 'basic-needs',
      title: 'Besoins de base servis',
      kind: 'bar',
      unit: 'count',
      axis: 'category',
      buckets: [...basicNeeds],
      bucketLabels: basicNeeds.map((n) => basicNeedLabels[n]),
      series: [
        {
          key: 'activities',
          label: 'Activités',
          values: basicNeeds.map((n) => needsNow.get(n)?.activities ?? 0),
          ...(needsBefore
            ? { previous: basicNeeds.map((n) => needsBefore.get(n)?.activities ?? 0) }
            : {}),
        },
        {
          key: 'people',
          label: 'Personnes touchées',
          values: basicNeeds.map((n) => needsNow.get(n)?.people ?? 0),
          ...(needsBefore
            ? { previous: basicNeeds.map((n) => needsBefore.get(n)?.people ?? 0) }
            : {}),
        },
      ],
    },
    periodChart(periods, 'check-ins', 'Passages coworking', 'bar', 'count', [
      bucketSeries('checkIns', 'Passages', (t) => t.checkIns, 0),
    ]),
  ];

  const occupancyCells = (t: ActivityTotals): Row['cells'] => ({
    roomOccupancy: occupancyOf(t, 'room'),
    roomBookedHours: hours(t.bookedMinutes.room),
    roomBookableHours: hours(t.bookableMinutes.room),
    deskOccupancy: occupancyOf(t, 'desk'),
    deskBookedHours: hours(t.bookedMinutes.desk),
    deskBookableHours: hours(t.bookableMinutes.desk),
  });
  const occupancyColumns: TableModel['columns'] = [
    { key: 'roomOccupancy', label: 'Occupation des salles', unit: 'ratio' },
    { key: 'roomBookedHours', label: 'Salles : heures réservées', unit: 'hours' },
    { key: 'roomBookableHours', label: 'Salles : heures réservables', unit: 'hours' },
    { key: 'deskOccupancy', label: 'Occupation du coworking', unit: 'ratio' },
    { key: 'deskBookedHours', label: 'Postes : heures réservées', unit: 'hours' },
    { key: 'deskBookableHours', label: 'Postes : heures réservables', unit: 'hours' },
  ];
  const centreCells = (t: ActivityTotals): Row['cells'] => ({
    ...occupancyCells(t),
    events: t.events,
    registeredSeats: t.registeredSeats,
    absentSeats: t.absentSeats,
    anonymous: t.anonymous,
    attendance: attendance(t),
    checkIns: t.checkIns,
  });

  const byCentre = byCentreTable(
    input.centres,
    [
      ...occupancyColumns,
      { key: 'events', label: 'Événements', unit: 'count' },
      { key: 'registeredSeats', label: 'Inscrits', unit: 'count' },
      { key: 'absentSeats', label: 'Absents', unit: 'count' },
      { key: 'anonymous', label: 'Participants anonymes', unit: 'count' },
      { key: 'attendance', label: 'Participation', unit: 'count' },
      { key: 'checkIns', label: 'Passages coworking', unit: 'count' },
    ],
    (id) => centreCells(perCentre.get(id) ?? emptyTotals()),
    centreCells(now),
  );

  const occupancyByPeriod: TableModel = {
    id: 'occupancy-by-period',
    title: 'Occupation par centre et par période',
    columns: [
      { key: 'centre', label: 'Centre', unit: 'text' },
      { key: 'period', label: 'Période', unit: 'text' },
      ...occupancyColumns,
    ],
    rows: input.centres.flatMap((c) =>
      buckets.flatMap((b) => {
        const t = perCentreBucket.get(`${c.id}|${b}`);
        if (
          !t ||
          occupancyKinds.every((k) => t.bookableMinutes[k] === 0 && t.bookedMinutes[k] === 0)
        )
          return [];
        return [
          {
            cells: { centre: c.name, period: bucketLabel(b), ...occupancyCells(t) },
            drill: { centreId: c.id },
          },
        ];
      }),
    ),
  };

  const needsTable: TableModel = {
    id: 'basic-needs',
    title: 'Besoins de base servis',
    columns: [
      { key: 'need', label: 'Besoin', unit: 'text' },
      { key: 'activities', label: 'Activités', unit: 'count' },
      { key: 'people', label: 'Personnes touchées', unit: 'count' },
    ],
    rows: basicNeeds.map((n) => ({
      cells: {
        need: basicNeedLabels[n],
        activities: needsNow.get(n)?.activities ?? 0,
        people: needsNow.get(n)?.people ?? 0,
      },
    })),
  };

  return {
    report: 'activity',
    title: 'Activité des centres',
    ...reportHeader(periods, input.centres),
    kpis,
    charts,
    tables: [byCentre, occupancyByPeriod, needsTable],
    notes: ACTIVITY_NOTES,
  };
}

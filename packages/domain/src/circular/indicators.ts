import type { Measurement } from './movement.ts';
import { isIntermediateOperation, type Treatment } from './treatment.ts';

/**
 * One recorded mass, as the indicators read it. `inflow`: collected; `reuse`: passed on by the
 * centre itself; `outflow`: shipped to a facility with a treatment; `compost`: bio-waste put in a
 * garden's compost (organic recycling on site, operation R3).
 */
export type IndicatorMovement =
  | {
      kind: 'inflow';
      occurredOn: string;
      centreId: string;
      streamId: string;
      grams: number;
      measurement: Measurement;
    }
  | {
      kind: 'reuse';
      occurredOn: string;
      centreId: string;
      streamId: string;
      grams: number;
      measurement: Measurement;
    }
  | {
      kind: 'outflow';
      occurredOn: string;
      centreId: string;
      streamId: string;
      grams: number;
      measurement: Measurement;
      treatment: Treatment;
      operationCode: string | null;
    }
  | {
      kind: 'compost';
      occurredOn: string;
      centreId: string;
      streamId: string;
      grams: number;
      measurement: Measurement;
    };

/**
 * The indicators of a set of movements (all masses in grams; rates in [0, 1], null when
 * nothing was treated):
 *
 * - **collectedGrams** (tonnage collecté): the sum of inflows.
 * - **reusedGrams** (réemployé): items passed on by the centres plus shipments for re-use.
 * - **recycledGrams** (recyclé): shipments with a final recycling operation (R2–R11) plus
 *   bio-waste composted on site.
 * - **energyRecoveredGrams** (valorisé en énergie): shipments with operation R1.
 * - **disposedGrams** (éliminé): shipments with a final disposal operation.
 * - **pendingGrams** (en attente): shipments with an intermediate operation (R12, R13, D9,
 *   D13–D15), whose final treatment is not known yet; left out of the rates.
 * - **treatedGrams** (T, traité): reused + recycled + energy-recovered + disposed.
 * - **reuseRate** (taux de réemploi) = reused / T.
 * - **recyclingRate** (taux de recyclage) = (reused + recycled) / T: re-use counts as material
 *   kept in use (DOMAIN-NOTES).
 * - **valorisationRate** (taux de valorisation) = (reused + recycled + energy-recovered) / T:
 *   material plus energy recovery.
 * - **disposalRate** (taux d'élimination) = disposed / T = 1 − valorisationRate.
 * - **weighedShare** (part pesée) = weighed inflow mass / collected mass; null when nothing was
 *   collected. The rest was estimated.
 */
export interface Indicators {
  collectedGrams: number;
  weighedGrams: number;
  estimatedGrams: number;
  reusedGrams: number;
  recycledGrams: number;
  energyRecoveredGrams: number;
  disposedGrams: number;
  pendingGrams: number;
  treatedGrams: number;
  reuseRate: number | null;
  recyclingRate: number | null;
  valorisationRate: number | null;
  disposalRate: number | null;
  weighedShare: number | null;
}

export function indicatorsOf(movements: Iterable<IndicatorMovement>): Indicators {
  let collected = 0;
  let weighed = 0;
  let reused = 0;
  let recycled = 0;
  let energy = 0;
  let disposed = 0;
  let pending = 0;
  for (const m of movements) {
    switch (m.kind) {
      case 'inflow':
        collected += m.grams;
        if (m.measurement === 'weighed') weighed += m.grams;
        break;
      case 'reuse':
        reused += m.grams;
        break;
      case 'compost':
        recycled += m.grams;
        break;
      case 'outflow':
        if (m.treatment === 'reuse') reused += m.grams;
        else if (isIntermediateOperation(m.operationCode)) pending += m.grams;
        else if (m.treatment === 'recycling') recycled += m.grams;
        else if (m.treatment === 'energy_recovery') energy += m.grams;
        else disposed += m.grams;
        break;
    }
  }
  const treated = reused + recycled + energy + disposed;
  const rate = (part: number) => (treated === 0 ? null : part / treated);
  return {
    collectedGrams: collected,
    weighedGrams: weighed,
    estimatedGrams: collected - weighed,
    reusedGrams: reused,
    recycledGrams: recycled,
    energyRecoveredGrams: energy,
    disposedGrams: disposed,
    pendingGrams: pending,
    treatedGrams: treated,
    reuseRate: rate(reused),
    recyclingRate: rate(reused + recycled),
    valorisationRate: rate(reused + recycled + energy),
    disposalRate: rate(disposed),
    weighedShare: collected === 0 ? null : weighed / collected,
  };
}

export const indicatorGroupings = ['centre', 'stream', 'month', 'year'] as const;
export type IndicatorGrouping = (typeof indicatorGroupings)[number];

function keyOf(m: IndicatorMovement, by: IndicatorGrouping): string {
  switch (by) {
    case 'centre':
      return m.centreId;
    case 'stream':
      return m.streamId;
    case 'month':
      return m.occurredOn.slice(0, 7);
    case 'year':
      return m.occurredOn.slice(0, 4);
  }
}

/** The indicators per centre, stream, month (`YYYY-MM`) or year (`YYYY`), keys sorted. */
export function indicatorsBy(
  movements: Iterable<IndicatorMovement>,
  by: IndicatorGrouping,
): { key: string; indicators: Indicators }[] {
  const groups = new Map<string, IndicatorMovement[]>();
  for (const m of movements) {
    const key = keyOf(m, by);
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.keys()]
    .sort()
    .map((key) => ({ key, indicators: indicatorsOf(groups.get(key) ?? []) }));
}

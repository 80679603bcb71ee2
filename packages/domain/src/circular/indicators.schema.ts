import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { indicatorGroupings } from './indicators.ts';

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

export const indicatorsQuery = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  centreId: uuid.optional(),
  streamId: uuid.optional(),
  by: z
    .enum(indicatorGroupings, { error: 'Regroupement attendu : centre, stream, month ou year.' })
    .default('month'),
});
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

const rate = z.number().min(0).max(1).nullable();
export const indicatorValues = z
  .object({
    collectedGrams: z.number().int(),
    weighedGrams: z.number().int(),
    estimatedGrams: z.number().int(),
    reusedGrams: z.number().int(),
    recycledGrams: z.number().int(),
    energyRecoveredGrams: z.number().int(),
    disposedGrams: z.number().int(),
    pendingGrams: z.number().int(),
    treatedGrams: z.number().int(),
    reuseRate: rate,
    recyclingRate: rate,
    valorisationRate: rate,
    disposalRate: rate,
    weighedShare: rate,
  })
  .meta({ id: 'CircularIndicatorValues' });

export const indicatorsReport = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    by: z.enum(indicatorGroupings),
    total: indicatorValues,
    groups: z.array(
      z.object({
        key: z.string(),
        label: z.string().describe('Centre or stream name, « novembre 2026 », « 2026 ».'),
        indicators: indicatorValues,
      }),
    ),
  })
  .meta({ id: 'CircularIndicators' });
export type IndicatorsReport = z.infer<typeof indicatorsReport>;

export const registerQuery = z
  .object({
    from: localDate,
    to: localDate,
    centreId: uuid.optional(),
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    error: 'La fin de la période précède son début.',
  });

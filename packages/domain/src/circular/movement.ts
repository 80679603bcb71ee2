import { z } from 'zod';
import { customValuesInput } from '../config/custom-values.ts';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import {
  findTreatmentOperation,
  type Treatment,
  treatmentCodeVerdict,
  treatments,
} from './treatment.ts';

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

/** Quantities are integer grams (DOMAIN-NOTES); one movement is at most 100 t. */
export const grams = z
  .number({ error: 'Masse attendue en grammes.' })
  .int({ error: 'La masse est un nombre entier de grammes.' })
  .min(1, { error: 'La masse est positive.' })
  .max(100_000_000, { error: 'Masse trop élevée : au plus 100 tonnes par saisie.' });

/** A mass is weighed on a scale or estimated (by volume, by count, by eye). */
export const measurements = ['weighed', 'estimated'] as const;
export type Measurement = (typeof measurements)[number];
export const MEASUREMENT_LABELS: Record<Measurement, string> = {
  weighed: 'Pesé',
  estimated: 'Estimé',
};
const measurement = z.enum(measurements, { error: 'Pesé ou estimé ?' });

export const inflowOrigins = ['collection', 'drop_off', 'donation', 'garden'] as const;
export type InflowOrigin = (typeof inflowOrigins)[number];
export const INFLOW_ORIGIN_LABELS: Record<InflowOrigin, string> = {
  collection: 'Tournée de collecte',
  drop_off: 'Dépôt au centre',
  donation: 'Don en nature',
  garden: 'Jardin partagé',
};

const note = z
  .string()
  .trim()
  .max(500, { error: 'La note compte au plus 500 caractères.' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

/** Not in the future: a weighing is recorded once it happened. */
export function notAfterToday(date: string, today: string): boolean {
  return date <= today;
}

export const inflowInput = z
  .object({
    occurredOn: localDate,
    centreId: uuid,
    streamId: uuid,
    massGrams: grams,
    measurement,
    origin: z.enum(inflowOrigins, { error: 'Provenance inconnue.' }),
    donationId: uuid
      .nullable()
      .default(null)
      .describe('The in-kind gift this mass came with (origin `donation` only).'),
    note,
    custom: customValuesInput
      .optional()
      .describe('Values of the inflow fields that apply in the centre, by key.'),
  })
  .superRefine((v, ctx) => {
    if (v.origin === 'donation' && v.donationId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['donationId'],
        message: 'Choisissez le don en nature.',
      });
    }
    if (v.origin !== 'donation' && v.donationId !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['donationId'],
        message: 'Un don ne se lie qu’à une entrée de provenance « don en nature ».',
      });
    }
  });
export type InflowInput = z.infer<typeof inflowInput>;

/** What the centre did to pass the items on: repaired them, or sorted them as they were. */
export const reuseKinds = ['repaired', 'sorted'] as const;
export type ReuseKind = (typeof reuseKinds)[number];
export const REUSE_KIND_LABELS: Record<ReuseKind, string> = {
  repaired: 'Réparé puis remis',
  sorted: 'Trié et remis en l’état',
};

/** Items repaired or sorted and passed on to people: bikes repaired, clothes handed out… */
export const reuseInput = z.object({
  occurredOn: localDate,
  centreId: uuid,
  streamId: uuid,
  kind: z.enum(reuseKinds, { error: 'Réparé ou trié ?' }),
  itemCount: z
    .number({ error: 'Nombre d’objets attendu.' })
    .int({ error: 'Le nombre d’objets est entier.' })
    .min(1, { error: 'Au moins un objet.' })
    .max(100_000, { error: 'Nombre d’objets trop élevé.' }),
  massGrams: grams,
  measurement,
  note,
});
export type ReuseInput = z.infer<typeof reuseInput>;

export const outflowInput = z
  .object({
    occurredOn: localDate,
    centreId: uuid,
    streamId: uuid,
    massGrams: grams,
    measurement,
    facilityId: uuid,
    treatment: z.enum(treatments, { error: 'Traitement inconnu.' }),
    operationCode: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : v.replace(/\s/g, '').toUpperCase()))
      .nullable()
      .default(null)
      .describe('R1–R13 or D1–D15; none for re-use.'),
    transporter: z
      .string()
      .trim()
      .max(120, { error: 'Le transporteur compte au plus 120 caractères.' })
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    trackingRef: z
      .string()
      .trim()
      .max(40, { error: 'La référence compte au plus 40 caractères.' })
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null)
      .describe('Trackdéchets slip number; required for a hazardous stream.'),
    note,
  })
  .superRefine((v, ctx) => {
    const reason = treatmentCodeVerdict(v.treatment, v.operationCode);
    if (reason) ctx.addIssue({ code: 'custom', path: ['operationCode'], message: reason });
  });
export type OutflowInput = z.infer<typeof outflowInput>;

const movementBase = {
  id: uuid,
  occurredOn: z.string(),
  centreId: z.string(),
  centreName: z.string(),
  streamId: z.string(),
  streamName: z.string(),
  massGrams: z.number().int(),
  measurement: z.enum(measurements),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
};

export const inflow = z
  .object({
    ...movementBase,
    origin: z.enum(inflowOrigins),
    donationId: z.string().nullable(),
    donationDescription: z.string().nullable(),
    custom: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Inflow' });
export type Inflow = z.infer<typeof inflow>;

/** What changes on a recorded inflow: its custom values (only the keys sent; null erases). */
export const inflowPatch = z.object({ custom: customValuesInput }).meta({ id: 'InflowPatch' });
export type InflowPatch = z.infer<typeof inflowPatch>;

export const reuse = z
  .object({ ...movementBase, kind: z.enum(reuseKinds), itemCount: z.number().int() })
  .meta({ id: 'Reuse' });
export type Reuse = z.infer<typeof reuse>;

export const outflow = z
  .object({
    ...movementBase,
    facilityId: z.string(),
    facilityName: z.string(),
    facilitySiret: z.string(),
    treatment: z.enum(treatments),
    operationCode: z.string().nullable(),
    intermediate: z.boolean().describe('R12, R13, D9, D13–D15: the final treatment is pending.'),
    transporter: z.string().nullable(),
    trackingRef: z.string().nullable(),
  })
  .meta({ id: 'Outflow' });
export type Outflow = z.infer<typeof outflow>;

export const movementListQuery = pageQuery.extend({
  centreId: uuid.optional(),
  streamId: uuid.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});

/** One stream's stock at one centre: what came in, minus what was passed on or shipped. */
export const streamStock = z
  .object({
    centreId: z.string(),
    centreName: z.string(),
    streamId: z.string(),
    streamCode: z.string(),
    streamName: z.string(),
    stockGrams: z.number().int(),
    lastMovementOn: z.string().nullable(),
  })
  .meta({ id: 'StreamStock' });
export type StreamStock = z.infer<typeof streamStock>;

export function operationLabel(code: string | null): string | null {
  if (code === null) return null;
  const op = findTreatmentOperation(code);
  return op ? `${op.code} — ${op.description}` : code;
}

export type { Treatment };

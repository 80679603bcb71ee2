import { findWasteCode, formatWasteCode } from './list-of-waste.ts';
import {
  INFLOW_ORIGIN_LABELS,
  type InflowOrigin,
  MEASUREMENT_LABELS,
  type Measurement,
} from './movement.ts';
import { formatTonnes } from './stock.ts';
import { findTreatmentOperation, TREATMENT_LABELS, type Treatment } from './treatment.ts';

/**
 * The chronological waste register (arrêté of 31 May 2021): one line per movement, oldest first.
 * Incoming lines give the date, the common name, the waste code, the quantity in tonnes, the
 * producer (where it came from) and how it was measured; outgoing lines add the destination
 * facility (name, SIRET, address), the transporter, the treatment code and mode, and the
 * Trackdéchets slip for a hazardous waste. Quantities: tonnes with three decimals.
 */
export const REGISTER_COLUMNS = [
  'Date',
  'Sens',
  'Centre',
  'Dénomination usuelle',
  'Code déchet',
  'Dénomination du code',
  'Dangereux',
  'Quantité (t)',
  'Mesure',
  'Provenance',
  'Installation de destination',
  'SIRET de l’installation',
  'Adresse de l’installation',
  'Transporteur',
  'Code de traitement',
  'Mode de traitement',
  'Bordereau Trackdéchets',
] as const;

export type RegisterMovement =
  | {
      direction: 'in';
      occurredOn: string;
      centreName: string;
      streamName: string;
      wasteCode: string | null;
      grams: number;
      measurement: Measurement;
      origin: InflowOrigin;
    }
  | {
      direction: 'out';
      occurredOn: string;
      centreName: string;
      streamName: string;
      wasteCode: string | null;
      grams: number;
      measurement: Measurement;
      /** Re-use by the centre itself and on-site compost have the centre (or garden) as facility. */
      facilityName: string;
      facilitySiret: string | null;
      facilityAddress: string | null;
      transporter: string | null;
      treatment: Treatment;
      operationCode: string | null;
      trackingRef: string | null;
    };

export interface RegisterLine {
  date: string;
  direction: 'Entrée' | 'Sortie';
  centre: string;
  commonName: string;
  wasteCode: string;
  wasteCodeDescription: string;
  hazardous: 'oui' | 'non' | '';
  tonnes: number;
  tonnesText: string;
  measurement: string;
  origin: string;
  facility: string;
  facilitySiret: string;
  facilityAddress: string;
  transporter: string;
  operationCode: string;
  treatmentMode: string;
  trackingRef: string;
}

export function registerLine(m: RegisterMovement): RegisterLine {
  const entry = m.wasteCode ? findWasteCode(m.wasteCode) : undefined;
  const op =
    m.direction === 'out' && m.operationCode ? findTreatmentOperation(m.operationCode) : undefined;
  return {
    date: m.occurredOn,
    direction: m.direction === 'in' ? 'Entrée' : 'Sortie',
    centre: m.centreName,
    commonName: m.streamName,
    wasteCode: entry ? formatWasteCode(entry) : '',
    wasteCodeDescription: entry?.description ?? '',
    hazardous: entry ? (entry.hazardous ? 'oui' : 'non') : '',
    tonnes: Math.round(m.grams / 1000) / 1000,
    tonnesText: formatTonnes(m.grams),
    measurement: MEASUREMENT_LABELS[m.measurement],
    origin: m.direction === 'in' ? INFLOW_ORIGIN_LABELS[m.origin] : '',
    facility: m.direction === 'out' ? m.facilityName : '',
    facilitySiret: m.direction === 'out' ? (m.facilitySiret ?? '') : '',
    facilityAddress: m.direction === 'out' ? (m.facilityAddress ?? '') : '',
    transporter: m.direction === 'out' ? (m.transporter ?? '') : '',
    operationCode: op?.code ?? '',
    treatmentMode: m.direction === 'out' ? TREATMENT_LABELS[m.treatment] : '',
    trackingRef: m.direction === 'out' ? (m.trackingRef ?? '') : '',
  };
}

/** The cells of a line in `REGISTER_COLUMNS` order, for CSV (tonnes as « 1,234 »). */
export function registerCells(line: RegisterLine): string[] {
  return [
    line.date,
    line.direction,
    line.centre,
    line.commonName,
    line.wasteCode,
    line.wasteCodeDescription,
    line.hazardous,
    line.tonnesText,
    line.measurement,
    line.origin,
    line.facility,
    line.facilitySiret,
    line.facilityAddress,
    line.transporter,
    line.operationCode,
    line.treatmentMode,
    line.trackingRef,
  ];
}

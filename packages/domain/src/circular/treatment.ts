import data from './treatment-operations.json' with { type: 'json' };

/**
 * Recovery (R1–R13) and disposal (D1–D15) operations of directive 2008/98/EC, annexes I and II,
 * in their French wording.
 */
export interface TreatmentOperation {
  code: string;
  kind: 'recovery' | 'disposal';
  description: string;
}

export const TREATMENT_OPERATIONS: readonly TreatmentOperation[] = data.operations.map((o) => ({
  code: o.code,
  kind: o.kind === 'disposal' ? 'disposal' : 'recovery',
  description: o.description,
}));

const operationByCode = new Map(TREATMENT_OPERATIONS.map((o) => [o.code, o]));

export function findTreatmentOperation(code: string): TreatmentOperation | undefined {
  return operationByCode.get(code.replace(/\s/g, '').toUpperCase());
}

/**
 * Where a shipment goes in the waste hierarchy. `reuse`: goods handed to a re-use organisation
 * (no operation code); `recycling`: material recovery R2–R12; `energy_recovery`: R1 (incineration
 * with energy recovery, solid recovered fuel burnt for energy); `disposal`: D1–D15.
 */
export const treatments = ['reuse', 'recycling', 'energy_recovery', 'disposal'] as const;
export type Treatment = (typeof treatments)[number];
export const TREATMENT_LABELS: Record<Treatment, string> = {
  reuse: 'Réemploi',
  recycling: 'Recyclage',
  energy_recovery: 'Valorisation énergétique',
  disposal: 'Élimination',
};

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/** The operation codes each treatment accepts; R13 (storage before recovery) under both recoveries. */
export const OPERATION_CODES_OF_TREATMENT: Record<Treatment, readonly string[]> = {
  reuse: [],
  recycling: range('R', 2, 13),
  energy_recovery: ['R1', 'R13'],
  disposal: range('D', 1, 15),
};

/**
 * Operations that are not final (DOMAIN-NOTES): the waste goes on to another treatment not yet
 * known, so its mass is left out of the rates — « en attente » — until then.
 */
export const INTERMEDIATE_OPERATIONS: ReadonlySet<string> = new Set([
  'R12',
  'R13',
  'D9',
  'D13',
  'D14',
  'D15',
]);

export function isIntermediateOperation(code: string | null): boolean {
  return code !== null && INTERMEDIATE_OPERATIONS.has(code);
}

/**
 * Whether an operation code fits a treatment: null when it does, else the French reason.
 * Re-use takes no code; every other treatment needs one of its own codes.
 */
export function treatmentCodeVerdict(treatment: Treatment, code: string | null): string | null {
  if (treatment === 'reuse') {
    return code === null ? null : 'Le réemploi ne prend pas de code d’opération R ou D.';
  }
  if (code === null) return 'Indiquez le code de l’opération de traitement (R ou D).';
  if (!findTreatmentOperation(code)) return `Le code ${code} n’est pas un code R1–R13 ou D1–D15.`;
  if (!OPERATION_CODES_OF_TREATMENT[treatment].includes(code)) {
    const allowed = OPERATION_CODES_OF_TREATMENT[treatment];
    const list =
      allowed.length <= 3 ? allowed.join(', ') : `${allowed[0]} à ${allowed[allowed.length - 1]}`;
    return `Le code ${code} ne correspond pas à « ${TREATMENT_LABELS[treatment]} » (codes admis : ${list}).`;
  }
  return null;
}

/**
 * The life of a restorative circle case (Dominic Barter's Restorative Circles): pre-circles with
 * each party, the circle, the post-circle that evaluates the agreed actions, then closed — or
 * abandoned from any open stage, with a reason.
 */
export const caseStages = [
  'intake',
  'pre_circles',
  'circle',
  'post_circle',
  'closed',
  'abandoned',
] as const;
export type CaseStage = (typeof caseStages)[number];

export const participantRoles = ['author', 'receiver', 'community'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const consentStates = ['invited', 'consented', 'declined'] as const;
export type ConsentState = (typeof consentStates)[number];

export const agreementOutcomes = ['done', 'partly', 'not_done'] as const;
export type AgreementOutcome = (typeof agreementOutcomes)[number];

/** What the rules need to know of a case to judge a move. */
export interface CaseFacts {
  stage: CaseStage;
  participants: readonly {
    role: ParticipantRole;
    consent: ConsentState;
    /** A pre-circle with this person was held (its time has passed and it was not cancelled). */
    hadPreCircle: boolean;
  }[];
  /** The circle session was held. */
  circleHeld: boolean;
  /** A post-circle session was held. */
  postCircleHeld: boolean;
  agreements: readonly { outcome: AgreementOutcome | null }[];
}

export type CaseMove =
  | { to: Exclude<CaseStage, 'abandoned'> }
  | { to: 'abandoned'; reason: string };

export type CaseVerdict = { ok: true } | { ok: false; reason: string };

const NEXT: Partial<Record<CaseStage, CaseStage>> = {
  intake: 'pre_circles',
  pre_circles: 'circle',
  circle: 'post_circle',
  post_circle: 'closed',
};

export const STAGE_LABELS: Record<CaseStage, string> = {
  intake: 'accueil',
  pre_circles: 'pré-cercles',
  circle: 'cercle',
  post_circle: 'post-cercle',
  closed: 'clos',
  abandoned: 'abandonné',
};

export function isOpen(stage: CaseStage): boolean {
  return stage !== 'closed' && stage !== 'abandoned';
}

/**
 * Whether a case may move to `move.to`, and why not in French. Stages go forward one at a time;
 * each step asks what the practice asks (see the rules inside).
 */
export function judgeCaseMove(facts: CaseFacts, move: CaseMove): CaseVerdict {
  const from = facts.stage;
  if (!isOpen(from)) {
    return {
      ok: false,
      reason: `Le dossier est ${STAGE_LABELS[from]} : il ne change plus d’étape.`,
    };
  }
  if (move.to === 'abandoned') {
    return move.reason.trim().length >= 3
      ? { ok: true }
      : { ok: false, reason: 'Indiquez pourquoi le dossier est abandonné.' };
  }
  if (NEXT[from] !== move.to) {
    return {
      ok: false,
      reason: `Un dossier en ${STAGE_LABELS[from]} passe ensuite en ${STAGE_LABELS[NEXT[from] ?? from]}, pas en ${STAGE_LABELS[move.to]}.`,
    };
  }
  const live = facts.participants.filter((p) => p.consent !== 'declined');
  switch (move.to) {
    case 'pre_circles':
      // Someone must have been invited to meet.
      return facts.participants.length > 0
        ? { ok: true }
        : { ok: false, reason: 'Ajoutez au moins une personne avant les pré-cercles.' };
    case 'circle': {
      // Every invited party had a pre-circle or declined; the circle needs people who agreed.
      const waiting = live.filter((p) => !p.hadPreCircle);
      if (waiting.length) {
        return {
          ok: false,
          reason: `${waiting.length} personne(s) invitée(s) n’ont eu ni pré-cercle ni refus : pas de cercle avant.`,
        };
      }
      const unsure = live.filter((p) => p.consent !== 'consented');
      if (unsure.length) {
        return {
          ok: false,
          reason: `${unsure.length} personne(s) n’ont pas encore donné leur accord : recueillez-le ou notez leur refus.`,
        };
      }
      return live.length >= 2
        ? { ok: true }
        : { ok: false, reason: 'Un cercle réunit au moins deux personnes qui ont accepté.' };
    }
    case 'post_circle':
      return facts.circleHeld
        ? { ok: true }
        : { ok: false, reason: 'Pas de post-cercle avant que le cercle ait eu lieu.' };
    case 'closed': {
      if (!facts.postCircleHeld)
        return { ok: false, reason: 'Le dossier se clôt après un post-cercle.' };
      const open = facts.agreements.filter((a) => a.outcome === null).length;
      return open === 0
        ? { ok: true }
        : {
            ok: false,
            reason: `${open} accord(s) n’ont pas encore été évalués au post-cercle.`,
          };
    }
    default:
      return { ok: false, reason: 'Étape inconnue.' };
  }
}

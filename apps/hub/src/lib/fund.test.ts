import type { Grant } from '@lakou/domain/fund';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  centsToTypedEuros,
  correctionState,
  DISBURSEMENT_AMOUNT_CODES,
  formatEuros,
  formatSignedEuros,
  formProblems,
  fundToday,
  giftsToPassOn,
  grantAlerts,
  grantChanges,
  grantColumns,
  grantDraftOf,
  isCalendarDate,
  leftToSchedule,
  moveNeeds,
  movesFrom,
  nextDeadlineOf,
  SUB_FUND_CODES,
  sharePercent,
  sortSubFunds,
  subFundDraftErrors,
  typedEurosToCents,
} from './fund.ts';

/** Narrow no-break space and no-break space, as Intl writes them in French. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function grant(overrides: Partial<Grant>): Grant {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    funderId: '00000000-0000-4000-8000-000000000002',
    funderName: 'Fondation de France',
    callForProjects: 'Vivre ensemble',
    project: 'Café de rencontre',
    status: 'draft',
    amountRequestedCents: 1_000_000,
    amountAwardedCents: null,
    receivedCents: 0,
    submissionDeadline: null,
    submittedOn: null,
    decisionOn: null,
    reportDueOn: null,
    closedOn: null,
    centreId: null,
    subFundId: null,
    notes: null,
    instalments: [],
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('fundToday', () => {
  it('reads the date on the Cayenne clock, not UTC', () => {
    // 02:30 UTC on the 1st of March is still the 28th of February in Cayenne (UTC−3).
    expect(fundToday(Temporal.Instant.from('2026-03-01T02:30:00Z'))).toBe('2026-02-28');
    expect(fundToday(Temporal.Instant.from('2026-03-01T03:30:00Z'))).toBe('2026-03-01');
  });
});

describe('amounts', () => {
  it('writes euros the French way', () => {
    expect(spaces(formatEuros(123_450, 'fr-FR'))).toBe('1 234,50 €');
    expect(formatEuros(123_450, 'en-GB')).toBe('€1,234.50');
  });

  it('signs movements with a plus or a real minus, never zero', () => {
    expect(spaces(formatSignedEuros(5_000, 'fr-FR'))).toBe('+50,00 €');
    expect(spaces(formatSignedEuros(-8_000, 'fr-FR'))).toBe('\u221280,00 €');
    expect(spaces(formatSignedEuros(0, 'fr-FR'))).toBe('0,00 €');
  });

  it('reads typed euros as positive cents only', () => {
    expect(typedEurosToCents('1 234,50')).toBe(123_450);
    expect(typedEurosToCents('0,29')).toBe(29);
    expect(typedEurosToCents('12 €')).toBe(1_200);
    expect(typedEurosToCents('0')).toBeNull();
    expect(typedEurosToCents('-5')).toBeNull();
    expect(typedEurosToCents('12,345')).toBeNull();
    expect(typedEurosToCents('douze')).toBeNull();
  });

  it('gives whole percentages and 0 for an empty fund', () => {
    expect(sharePercent(1, 3)).toBe(33);
    expect(sharePercent(2, 3)).toBe(67);
    expect(sharePercent(5, 0)).toBe(0);
    expect(sharePercent(-5, 10)).toBe(0);
  });
});

describe('sortSubFunds', () => {
  it('puts free money first, then restricted funds, then the endowment', () => {
    const sorted = sortSubFunds([
      { code: 'DOTATION', kind: 'endowment' as const },
      { code: 'KOUROU', kind: 'restricted' as const },
      { code: 'LIBRE', kind: 'unrestricted' as const },
      { code: 'JARDINS', kind: 'restricted' as const },
    ]);
    expect(sorted.map((f) => f.code)).toEqual(['LIBRE', 'JARDINS', 'KOUROU', 'DOTATION']);
  });
});

describe('correctionState', () => {
  it('tells a correction, a reversed entry and one that may still be corrected', () => {
    expect(correctionState({ kind: 'correction', reversedById: null })).toBe('correction');
    expect(correctionState({ kind: 'donation', reversedById: 'x' })).toBe('reversed');
    expect(correctionState({ kind: 'disbursement', reversedById: null })).toBe('open');
  });
});

describe('grant deadlines', () => {
  const today = '2026-06-15';

  it('flags a draft past its submission deadline, not one due today', () => {
    expect(grantAlerts(grant({ submissionDeadline: '2026-06-14' }), today)).toEqual(['submission']);
    expect(grantAlerts(grant({ submissionDeadline: today }), today)).toEqual([]);
    // Once submitted, the submission deadline no longer matters.
    expect(
      grantAlerts(grant({ status: 'submitted', submissionDeadline: '2026-01-01' }), today),
    ).toEqual([]);
  });

  it('flags an awarded grant whose report or instalment is late', () => {
    const late = grant({
      status: 'awarded',
      amountAwardedCents: 800_000,
      reportDueOn: '2026-06-01',
      instalments: [
        {
          id: 'a',
          expectedOn: '2026-05-01',
          amountCents: 400_000,
          receivedOn: null,
          ledgerEntryId: null,
        },
        {
          id: 'b',
          expectedOn: '2026-04-01',
          amountCents: 400_000,
          receivedOn: '2026-04-02',
          ledgerEntryId: 'l',
        },
      ],
    });
    expect(grantAlerts(late, today)).toEqual(['report', 'instalment']);
    expect(grantAlerts({ ...late, status: 'closed' }, today)).toEqual([]);
  });

  it('shows the soonest open deadline of an awarded grant', () => {
    const awarded = grant({
      status: 'report_due',
      reportDueOn: '2026-09-30',
      instalments: [
        {
          id: 'a',
          expectedOn: '2026-07-01',
          amountCents: 1,
          receivedOn: null,
          ledgerEntryId: null,
        },
        {
          id: 'b',
          expectedOn: '2026-03-01',
          amountCents: 1,
          receivedOn: '2026-03-01',
          ledgerEntryId: 'l',
        },
      ],
    });
    expect(nextDeadlineOf(awarded)).toEqual({ kind: 'instalment', date: '2026-07-01' });
    expect(nextDeadlineOf(grant({ submissionDeadline: '2026-07-10' }))).toEqual({
      kind: 'submission',
      date: '2026-07-10',
    });
    expect(nextDeadlineOf(grant({ status: 'rejected' }))).toBeNull();
  });
});

describe('grantColumns', () => {
  it('has the six statuses in the order of a grant’s life, each with its sum', () => {
    const columns = grantColumns([
      grant({ status: 'draft', amountRequestedCents: 100 }),
      grant({ status: 'draft', amountRequestedCents: 250 }),
      grant({ status: 'awarded', amountRequestedCents: 1_000, amountAwardedCents: 700 }),
    ]);
    expect(columns.map((c) => c.status)).toEqual([
      'draft',
      'submitted',
      'awarded',
      'rejected',
      'report_due',
      'closed',
    ]);
    expect(columns[0]?.grants).toHaveLength(2);
    expect(columns[0]?.amountCents).toBe(350);
    // What was awarded counts, not what was asked.
    expect(columns[2]?.amountCents).toBe(700);
    expect(columns[1]?.amountCents).toBe(0);
  });
});

describe('instalments and moves', () => {
  it('leaves what is awarded and not yet planned', () => {
    const awarded = grant({
      amountAwardedCents: 1_000,
      instalments: [
        {
          id: 'a',
          expectedOn: '2026-01-01',
          amountCents: 300,
          receivedOn: null,
          ledgerEntryId: null,
        },
      ],
    });
    expect(leftToSchedule(awarded)).toBe(700);
    expect(leftToSchedule(grant({}))).toBe(0);
  });

  it('offers the moves of the domain and asks an amount to award', () => {
    expect(movesFrom('submitted')).toEqual(['awarded', 'rejected']);
    expect(movesFrom('closed')).toEqual([]);
    expect(moveNeeds('awarded')).toEqual({ amount: true, reportDate: false });
    expect(moveNeeds('report_due')).toEqual({ amount: false, reportDate: true });
    expect(moveNeeds('closed')).toEqual({ amount: false, reportDate: false });
  });
});

describe('formProblems', () => {
  it('puts « solde insuffisant » on the amount field', () => {
    const out = formProblems(
      {
        status: 422,
        title: 'Règle métier non respectée',
        code: 'INSUFFICIENT_BALANCE',
        detail: 'Le solde disponible du sous-fonds ne couvre pas ce décaissement.',
      },
      DISBURSEMENT_AMOUNT_CODES,
    );
    expect(out).toEqual({
      fields: { amountCents: 'Le solde disponible du sous-fonds ne couvre pas ce décaissement.' },
      detail: null,
    });
  });

  it('keeps the field messages of a 400 by their first path segment, with its detail', () => {
    const out = formProblems({
      status: 400,
      title: 'Requête invalide',
      detail: 'Certaines valeurs envoyées sont invalides.',
      errors: [
        { field: 'decisionRef', message: 'La référence compte au moins 2 caractères.' },
        { field: 'donationIds.0', message: 'Identifiant invalide.' },
        { field: 'decisionRef', message: 'second message' },
      ],
    });
    expect(out.fields).toEqual({
      decisionRef: 'La référence compte au moins 2 caractères.',
      donationIds: 'Identifiant invalide.',
    });
    expect(out.detail).toBe('Certaines valeurs envoyées sont invalides.');
  });

  it('says a refusal that names its field on that field only', () => {
    const detail = 'Ce sous-fonds est affecté à un autre centre.';
    expect(
      formProblems({
        status: 422,
        title: 'Règle métier non respectée',
        code: 'RESTRICTED_TO_CENTRE',
        detail,
        errors: [{ field: 'subFundId', message: detail }],
      }),
    ).toEqual({ fields: { subFundId: detail }, detail: null });
  });

  it('keeps a refusal without a field as the form’s message', () => {
    expect(formProblems({ status: 409, title: 'Conflit', code: 'ALREADY_REVERSED' })).toEqual({
      fields: {},
      detail: 'Conflit',
    });
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('28/02/2026')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});

describe('centsToTypedEuros', () => {
  it('writes an amount the euro field reads back', () => {
    expect(centsToTypedEuros(500_000)).toBe('5000');
    expect(centsToTypedEuros(125_005)).toBe('1250,05');
    expect(centsToTypedEuros(99)).toBe('0,99');
    expect(typedEurosToCents(centsToTypedEuros(123_456))).toBe(123_456);
  });
});

describe('subFundDraftErrors', () => {
  const draft = {
    code: 'ateliers-2026',
    name: 'Ateliers',
    kind: 'unrestricted' as const,
    purpose: '',
    centreId: null,
    consumable: false,
  };
  it('accepts a code typed in small letters (sent in capitals)', () => {
    expect(subFundDraftErrors(draft)).toEqual({});
  });
  it('refuses a code with spaces or one character, and a one-letter name', () => {
    expect(subFundDraftErrors({ ...draft, code: 'A B' })).toEqual({ code: 'codeInvalid' });
    expect(subFundDraftErrors({ ...draft, code: 'A', name: 'x' })).toEqual({
      code: 'codeInvalid',
      name: 'nameTooShort',
    });
    expect(subFundDraftErrors({ ...draft, code: '-AB' })).toEqual({ code: 'codeInvalid' });
  });
  it('asks a restricted sub-fund its purpose, unless it is restricted to a centre', () => {
    expect(subFundDraftErrors({ ...draft, kind: 'restricted', purpose: '  ' })).toEqual({
      purpose: 'purposeRequired',
    });
    expect(
      subFundDraftErrors({
        ...draft,
        kind: 'restricted',
        centreId: '00000000-0000-4000-8000-000000000009',
      }),
    ).toEqual({});
  });
  it('lets only the endowment be consumable', () => {
    expect(subFundDraftErrors({ ...draft, consumable: true })).toEqual({
      consumable: 'consumableEndowmentOnly',
    });
    expect(subFundDraftErrors({ ...draft, kind: 'endowment', consumable: true })).toEqual({});
  });
  it('puts a taken code on the code field', () => {
    const problems = formProblems(
      {
        status: 409,
        title: 'Conflict',
        code: 'CODE_TAKEN',
        detail: 'Le code « LIBRE » est déjà pris.',
        errors: [],
      },
      SUB_FUND_CODES,
    );
    expect(problems).toEqual({
      fields: { code: 'Le code « LIBRE » est déjà pris.' },
      detail: null,
    });
  });
});

describe('grantChanges', () => {
  const before = grantDraftOf(
    grant({ submissionDeadline: '2026-03-01', notes: 'Dossier papier', centreId: null }),
  );
  it('starts the form from the grant, empty dates and notes as blank text', () => {
    expect(grantDraftOf(grant({}))).toMatchObject({ submissionDeadline: '', notes: '' });
    expect(before.submissionDeadline).toBe('2026-03-01');
  });
  it('sends nothing when nothing changed but spaces', () => {
    expect(grantChanges(before, { ...before, project: ' Café de rencontre ' })).toEqual({});
  });
  it('sends only what changed, an emptied date or note as null', () => {
    expect(
      grantChanges(before, {
        ...before,
        project: 'Café des parents ',
        amountRequestedCents: 800_000,
        submissionDeadline: '',
        notes: '',
      }),
    ).toEqual({
      project: 'Café des parents',
      amountRequestedCents: 800_000,
      submissionDeadline: null,
      notes: null,
    });
  });
});

describe('giftsToPassOn', () => {
  it('leaves out money and the gifts a goods disbursement already lists', () => {
    const gifts = [
      { id: 'A1', kind: 'in_kind' },
      { id: 'b2', kind: 'in_kind' },
      { id: 'c3', kind: 'money' },
      { id: 'd4', kind: 'in_kind' },
    ];
    expect(giftsToPassOn(gifts, ['a1', 'd4']).map((g) => g.id)).toEqual(['b2']);
  });
});

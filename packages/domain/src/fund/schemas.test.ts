import { describe, expect, it } from 'vitest';
import { disbursementInput } from './disbursement.ts';
import { donationInput } from './donation.ts';
import { donorInput } from './donor.ts';
import { grantPatch } from './grant.ts';
import { subFundInput } from './sub-fund.ts';

const VILLAGE = '6f1c7a44-0c5e-4a3b-9d7e-0a1b2c3d4e5f';
const FUND = '0b8f5e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

const messages = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('donationInput', () => {
  const furniture = {
    kind: 'in_kind',
    donorId: null,
    receivedOn: '2026-11-20',
    description: 'Douze chaises et deux tables',
    category: 'furniture',
    quantity: 14,
    unit: 'piece',
    condition: 'good',
    valuationCents: 48_000,
    valuationMethod: 'market_value',
    evidence: 'Annonces comparables, novembre 2026',
    centreId: VILLAGE,
    massGrams: 96_000,
  };

  it('takes furniture with its mass, counted for the circular stream', () => {
    const r = donationInput.safeParse(furniture);
    expect(messages(r)).toEqual([]);
    expect(r.data).toMatchObject({ partnerId: null, note: null, massGrams: 96_000 });
  });

  it('refuses a mass for goods that are no material stream, and a valuation without evidence', () => {
    const r = donationInput.safeParse({
      ...furniture,
      category: 'food',
      evidence: '',
      valuationCents: 0,
    });
    expect(messages(r)).toEqual([
      'valuationCents: Le montant doit être positif.',
      'evidence: Le justificatif compte au moins 3 caractères.',
      'massGrams: La masse ne se saisit que pour une filière de l’économie circulaire.',
    ]);
  });

  it('takes a cheque and refuses a money gift without its sub-fund or in cents with a fraction', () => {
    const cheque = {
      kind: 'money',
      donorId: null,
      receivedOn: '2026-11-20',
      amountCents: 5_000,
      method: 'cheque',
      subFundId: FUND,
      reference: '  ',
    };
    expect(donationInput.safeParse(cheque).data).toMatchObject({ reference: null });
    const bad = donationInput.safeParse({ ...cheque, subFundId: undefined, amountCents: 10.5 });
    expect(messages(bad)).toEqual([
      'amountCents: Le montant est un nombre entier de centimes.',
      'subFundId: Identifiant invalide (UUID attendu).',
    ]);
  });
});

describe('disbursementInput', () => {
  it('asks one beneficiary, the money’s sub-fund and amount, and a payment after the decision', () => {
    const r = disbursementInput.safeParse({
      kind: 'money',
      purpose: 'Achat de matériel de jardin',
      decisionOn: '2026-10-10',
      decisionRef: 'CA-2026-07',
      paidOn: '2026-10-01',
    });
    expect(messages(r)).toEqual([
      'centreId: Choisissez un bénéficiaire : un centre ou une association partenaire.',
      'subFundId: Choisissez le sous-fonds.',
      'amountCents: Indiquez le montant.',
      'paidOn: Le décaissement ne peut précéder la décision du conseil.',
    ]);
  });
});

describe('subFundInput and donorInput', () => {
  it('ask a restricted sub-fund its purpose and keep « consumable » to the endowment', () => {
    const r = subFundInput.safeParse({
      code: 'X1',
      name: 'Projet',
      kind: 'restricted',
      consumable: true,
    });
    expect(messages(r)).toEqual([
      'purpose: Un sous-fonds affecté indique son objet (un centre, les jardins, un projet…).',
      'consumable: Seule la dotation en capital peut être déclarée consommable.',
    ]);
    expect(
      subFundInput.safeParse({ code: 'bad code', name: 'X', kind: 'unrestricted' }).success,
    ).toBe(false);
  });

  it('checks a company’s SIRET and refuses one on a person', () => {
    expect(
      donorInput.safeParse({ kind: 'company', name: 'Soeco', siret: '732 829 320 00074' }).data
        ?.siret,
    ).toBe('73282932000074');
    expect(
      messages(donorInput.safeParse({ kind: 'company', name: 'Soeco', siret: '73282932000075' })),
    ).toEqual(['siret: SIRET invalide : 14 chiffres dont la clé de contrôle est juste.']);
    expect(
      messages(donorInput.safeParse({ kind: 'individual', name: 'Ana', siret: '73282932000074' })),
    ).toEqual(['siret: Un particulier n’a pas de SIRET.']);
  });
});

describe('grantPatch', () => {
  it('keeps only the fields sent (no default fills an absent one)', () => {
    expect(grantPatch.parse({ project: 'Jardins de Mont-Lucas' })).toEqual({
      project: 'Jardins de Mont-Lucas',
    });
    expect(grantPatch.parse({ reportDueOn: null })).toEqual({ reportDueOn: null });
    expect(grantPatch.safeParse({ amountRequestedCents: 0 }).success).toBe(false);
  });
});

import {
  CIRCULAR_STREAM_OF_CATEGORY,
  type DonorKind,
  type InKindCategory,
  type PaymentMethod,
} from '@lakou/domain/fund';
import { searchKey } from '@lakou/domain/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { giftLabel } from '../../../fund/donations.write.ts';
import type { Db } from '../../client.ts';
import { subFunds } from '../../schema/index.ts';
import type { ScaleCentre } from './bookings.ts';
import { at, BatchWriter, type Column, days, type Progress, type Rng } from './random.ts';

/** A gift in kind with a mass: circular.ts writes it as an inflow of origin « donation ». */
export interface WeighedGift {
  donationId: string;
  centreId: string;
  date: string;
  stream: string;
  grams: number;
}

const DONOR_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['kind', 'text'],
  ['name', 'text'],
  ['email', 'text'],
  ['postcode', 'text'],
  ['city', 'text'],
  ['country', 'text'],
  ['consent_to_contact', 'boolean'],
  ['search_key', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const DONATION_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['kind', 'text'],
  ['donor_id', 'uuid'],
  ['received_on', 'date'],
  ['amount_cents', 'bigint'],
  ['method', 'text'],
  ['sub_fund_id', 'uuid'],
  ['reference', 'text'],
  ['description', 'text'],
  ['category', 'text'],
  ['quantity', 'integer'],
  ['unit', 'text'],
  ['condition', 'text'],
  ['valuation_method', 'text'],
  ['evidence', 'text'],
  ['centre_id', 'uuid'],
  ['mass_grams', 'bigint'],
  ['circular_stream', 'text'],
  ['created_at', 'timestamptz'],
];
const DISBURSEMENT_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['kind', 'text'],
  ['centre_id', 'uuid'],
  ['sub_fund_id', 'uuid'],
  ['amount_cents', 'bigint'],
  ['purpose', 'text'],
  ['decision_on', 'date'],
  ['decision_ref', 'text'],
  ['paid_on', 'date'],
  ['created_at', 'timestamptz'],
];
const LEDGER_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['sub_fund_id', 'uuid'],
  ['occurred_on', 'date'],
  ['amount_cents', 'bigint'],
  ['kind', 'text'],
  ['label', 'text'],
  ['donation_id', 'uuid'],
  ['disbursement_id', 'uuid'],
  ['created_at', 'timestamptz'],
];

const GOODS: {
  category: InKindCategory;
  description: string;
  unit: string;
  unitCents: number;
  gramsPerUnit: number | null;
  quantity: [number, number];
}[] = [
  {
    category: 'furniture',
    description: 'Chaises et tables',
    unit: 'piece',
    unitCents: 2500,
    gramsPerUnit: 6000,
    quantity: [2, 20],
  },
  {
    category: 'it_equipment',
    description: 'Ordinateurs portables reconditionnables',
    unit: 'piece',
    unitCents: 12000,
    gramsPerUnit: 2000,
    quantity: [1, 10],
  },
  {
    category: 'appliances',
    description: 'Petit électroménager',
    unit: 'piece',
    unitCents: 3000,
    gramsPerUnit: 4000,
    quantity: [1, 6],
  },
  {
    category: 'clothes',
    description: 'Vêtements triés',
    unit: 'box',
    unitCents: 2000,
    gramsPerUnit: 8000,
    quantity: [1, 12],
  },
  {
    category: 'bikes',
    description: 'Vélos à réparer',
    unit: 'piece',
    unitCents: 4000,
    gramsPerUnit: 14000,
    quantity: [1, 5],
  },
  {
    category: 'building_materials',
    description: 'Planches et tôles',
    unit: 'lot',
    unitCents: 5000,
    gramsPerUnit: 40000,
    quantity: [1, 4],
  },
  {
    category: 'food',
    description: 'Denrées pour l’épicerie solidaire',
    unit: 'kg',
    unitCents: 300,
    gramsPerUnit: null,
    quantity: [10, 80],
  },
  {
    category: 'books_toys',
    description: 'Livres et jeux',
    unit: 'box',
    unitCents: 1500,
    gramsPerUnit: null,
    quantity: [1, 8],
  },
];
const SURNAMES = [
  'Abchée',
  'Bernard',
  'Chow',
  'Diallo',
  'Edouard',
  'Fong',
  'Gaillard',
  'Horth',
  'Ismaël',
  'Jean-Louis',
  'Kong',
  'Lony',
  'Marie-Sainte',
  'Nelson',
  'Orru',
  'Patient',
];
const FIRST = [
  'Marie',
  'Jean',
  'Nadia',
  'Wilson',
  'Sonia',
  'Kévin',
  'Aïcha',
  'Rudy',
  'Léa',
  'Yann',
];
const AMOUNTS = [20, 30, 50, 50, 50, 75, 100, 100, 100, 150, 200, 250, 300, 500];
const METHODS: PaymentMethod[] = [
  'cheque',
  'cheque',
  'cheque',
  'transfer',
  'transfer',
  'transfer',
  'card',
  'card',
  'cash',
];

/** The three sub-funds the scale data uses (made if the organisation has none of that code). */
async function ensureSubFunds(db: Db, organisationId: string, createdAt: string, r: Rng) {
  const wanted = [
    { code: 'LIBRE', name: 'Fonds libre', kind: 'unrestricted', purpose: 'Dons sans affectation.' },
    {
      code: 'DOTATION',
      name: 'Dotation en capital',
      kind: 'endowment',
      purpose: 'Non consommable.',
    },
    { code: 'JARDINS', name: 'Jardins partagés', kind: 'restricted', purpose: 'Jardins partagés.' },
  ];
  await db
    .insert(subFunds)
    .values(
      wanted.map((f) => ({ id: r.uuid(), organisationId, ...f, createdAt: new Date(createdAt) })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ id: subFunds.id, code: subFunds.code })
    .from(subFunds)
    .where(
      and(
        eq(subFunds.organisationId, organisationId),
        inArray(
          subFunds.code,
          wanted.map((f) => f.code),
        ),
      ),
    );
  const id = (code: string) => {
    const found = rows.find((r) => r.code === code);
    if (!found) throw new Error(`sous-fonds introuvable : ${code}`);
    return found.id;
  };
  return { libre: id('LIBRE'), dotation: id('DOTATION'), jardins: id('JARDINS') };
}

/**
 * About 800 gifts per centre and year (a fifth in kind, December twice as busy), each money gift
 * with its ledger entry on its sub-fund as the gifts API writes it; monthly disbursements to the
 * centres from the free fund and quarterly ones from the gardens fund, never more than the
 * sub-fund holds that day (the balance is followed in date order); the endowment is never spent.
 */
export async function writeFund(
  db: Db,
  organisationId: string,
  centres: ScaleCentre[],
  r: Rng,
  from: string,
  to: string,
  progress: Progress,
  tag: string,
): Promise<WeighedGift[]> {
  const funds = await ensureSubFunds(db, organisationId, at(from, 0), r);
  const donorsW = new BatchWriter(db, 'donors', DONOR_COLUMNS, progress);
  const donationsW = new BatchWriter(db, 'donations', DONATION_COLUMNS, progress, {
    parents: [donorsW],
  });
  const disbursementsW = new BatchWriter(db, 'disbursements', DISBURSEMENT_COLUMNS, progress, {
    parents: [donationsW],
  });
  const ledgerW = new BatchWriter(db, 'ledger_entries', LEDGER_COLUMNS, progress, {
    parents: [donationsW, disbursementsW],
  });

  type Donor = { id: string; kind: DonorKind; name: string };
  const donorsByCentre = centres.map((c) => {
    const list: Donor[] = [];
    for (let k = 0; k < 150; k++) {
      const roll = r.next();
      const kind: DonorKind = roll < 0.85 ? 'individual' : roll < 0.97 ? 'company' : 'foundation';
      const name =
        kind === 'individual'
          ? `${r.pick(FIRST)} ${r.pick(SURNAMES)}`
          : kind === 'company'
            ? `Entreprise ${r.pick(SURNAMES)} ${c.index}-${k}`
            : `Fondation ${r.pick(SURNAMES)} ${c.index}-${k}`;
      const id = r.uuid();
      const email = r.chance(0.6) ? `donateur.${c.index}.${k}@example.org` : null;
      donorsW.push([
        id,
        organisationId,
        kind,
        name,
        email,
        '97300',
        c.name,
        'FR',
        r.chance(0.4),
        searchKey(`${name} ${email ?? ''} ${c.name}`),
        at(from, 0),
        at(from, 0),
      ]);
      list.push({ id, kind, name });
    }
    return list;
  });

  const balance = { libre: 0, dotation: 0, jardins: 0 };
  const gifts: WeighedGift[] = [];
  let ref = 0;
  const ledger = (
    subFundId: string,
    date: string,
    cents: number,
    kind: string,
    label: string,
    donationId: string | null,
    disbursementId: string | null,
    created: string,
  ) =>
    ledgerW.push([
      r.uuid(),
      organisationId,
      subFundId,
      date,
      cents,
      kind,
      label,
      donationId,
      disbursementId,
      created,
    ]);

  // The endowment of this run, on its first day.
  {
    const founder = donorsByCentre[0]?.[0];
    const id = r.uuid();
    const cents = 1_000_000 * Math.max(1, Math.round(centres.length / 10));
    donationsW.push([
      id,
      organisationId,
      'money',
      founder?.id ?? null,
      from,
      cents,
      'transfer',
      funds.dotation,
      `DOTATION-${tag}`,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      at(from, 600),
    ]);
    ledger(
      funds.dotation,
      from,
      cents,
      'donation',
      giftLabel(founder ?? null, 'transfer'),
      id,
      null,
      at(from, 600),
    );
    balance.dotation += cents;
  }

  for (const { date, weekday } of days(from, to)) {
    const december = date.slice(5, 7) === '12';
    let minute = 0;
    for (const [ci, centre] of centres.entries()) {
      const donors = donorsByCentre[ci] as Donor[];
      // ~1.75 money gifts a day (3.5 in December), ~0.45 gifts in kind.
      const rate = december ? 3.5 : 1.6;
      const money = Math.floor(rate) + (r.chance(rate % 1) ? 1 : 0);
      for (let k = 0; k < money; k++) {
        const donor = r.chance(0.05) ? null : r.pick(donors);
        const method = r.pick(METHODS);
        let euros =
          donor?.kind === 'individual' || !donor
            ? r.pick(AMOUNTS)
            : r.pick([300, 500, 1000, 2000, 5000]);
        if (method === 'cash') euros = Math.min(euros, 150);
        const roll = r.next();
        const fund = roll < 0.01 ? 'dotation' : roll < 0.11 ? 'jardins' : 'libre';
        const subFundId = funds[fund];
        const id = r.uuid();
        const created = at(date, 540 + minute++);
        const reference = method === 'cash' ? null : `${tag}-${String(++ref).padStart(8, '0')}`;
        donationsW.push([
          id,
          organisationId,
          'money',
          donor?.id ?? null,
          date,
          euros * 100,
          method,
          subFundId,
          reference,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          created,
        ]);
        ledger(
          subFundId,
          date,
          euros * 100,
          'donation',
          giftLabel(donor, method),
          id,
          null,
          created,
        );
        balance[fund] += euros * 100;
      }
      const inKind = r.chance(december ? 0.6 : 0.42) ? 1 : 0;
      for (let k = 0; k < inKind; k++) {
        const g = r.pick(GOODS);
        const donor = r.pick(donors);
        const quantity = r.int(g.quantity[0], g.quantity[1]);
        const method =
          donor.kind === 'company' ? 'invoice' : r.chance(0.7) ? 'market_value' : 'estimate';
        const stream = CIRCULAR_STREAM_OF_CATEGORY[g.category] ?? null;
        const grams = stream && g.gramsPerUnit && r.chance(0.7) ? quantity * g.gramsPerUnit : null;
        const id = r.uuid();
        donationsW.push([
          id,
          organisationId,
          'in_kind',
          donor.id,
          date,
          Math.max(100, g.unitCents * quantity),
          null,
          null,
          null,
          g.description,
          g.category,
          quantity,
          g.unit,
          r.pick(['new', 'good', 'fair', 'for_repair']),
          method,
          method === 'invoice'
            ? `Facture ${donor.name} (prix de revient)`
            : `Estimation de l’équipe du ${centre.name}`,
          centre.id,
          grams,
          grams ? stream : null,
          at(date, 600 + minute++),
        ]);
        if (grams && stream)
          gifts.push({ donationId: id, centreId: centre.id, date, stream, grams });
      }
    }
    // The 5th of each month: the board pays out from the free fund to a few centres.
    if (date.slice(8) === '05' && weekday <= 6) {
      const chosen = centres.filter(() => r.chance(0.3));
      const budget = Math.floor(balance.libre * 0.5);
      for (const c of chosen) {
        const cents = Math.floor(budget / chosen.length / 100) * 100;
        if (cents < 10_000 || cents > balance.libre) continue;
        disburse(c, 'libre', cents, 'Fonctionnement et animations', date);
      }
      if (['01', '04', '07', '10'].includes(date.slice(5, 7)) && centres.length) {
        const c = r.pick(centres);
        const cents = Math.floor((balance.jardins * 0.6) / 100) * 100;
        if (cents >= 10_000)
          disburse(c, 'jardins', cents, 'Semences, outils et arrosage du jardin partagé', date);
      }
    }
    await ledgerW.drainIfFull();
  }

  function disburse(
    c: ScaleCentre,
    fund: 'libre' | 'jardins',
    cents: number,
    purpose: string,
    date: string,
  ) {
    const id = r.uuid();
    const subFundId = funds[fund];
    const created = at(date, 900);
    disbursementsW.push([
      id,
      organisationId,
      'money',
      c.id,
      subFundId,
      cents,
      purpose,
      date,
      `CA-${date}-${c.index}`,
      date,
      created,
    ]);
    ledger(
      subFundId,
      date,
      -cents,
      'disbursement',
      `Décaissement à ${c.name} : ${purpose}`,
      null,
      id,
      created,
    );
    balance[fund] -= cents;
  }

  await ledgerW.done();
  return gifts;
}

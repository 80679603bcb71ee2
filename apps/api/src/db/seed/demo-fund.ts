import { randomUUID } from 'node:crypto';
import {
  CIRCULAR_STREAM_OF_CATEGORY,
  type DonorKind,
  type InKindCategory,
  isSiret,
  type PaymentMethod,
  type ReceiptInput,
} from '@lakou/domain/fund';
import { searchKey } from '@lakou/domain/shared';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { giftLabel } from '../../fund/donations.write.ts';
import type { Tx } from '../../fund/fund.queries.ts';
import { cancelReceipt, issueReceipt } from '../../fund/receipts.write.ts';
import type { Db } from '../client.ts';
import {
  centres,
  disbursementGoods,
  disbursements,
  donations,
  donors,
  fundSettings,
  grantInstalments,
  grants,
  ledgerEntries,
  partners,
  subFunds,
  users,
} from '../schema/index.ts';

/**
 * Three years of history for the demo network's endowment fund (*fonds de dotation*): the fund's
 * identity, its four standing sub-funds, about ninety donors, a few hundred gifts of money (each
 * with its ledger entry), gifts in kind received by the centres (some passed on to partner
 * associations), a dozen grants from foundations in every status, and the board's quarterly
 * disbursements — never more than a sub-fund holds on the day the money leaves.
 *
 * Deterministic (a seeded generator, dates counted back from `today`), written in a handful of
 * bulk statements, and created once: nothing is added when the fund already has donors.
 */

export interface FundSeedReport {
  donorsCreated: number;
  donationsCreated: number;
  grantsCreated: number;
  disbursementsCreated: number;
  ledgerEntriesCreated: number;
  receiptsIssued: number;
}

export const DEMO_FUND_IDENTITY = {
  name: 'Fonds de dotation SECCOIA-Guyane',
  addressLine: '12 rue Lallouette',
  postcode: '97300',
  city: 'Cayenne',
  object:
    'Collecter des fonds et des biens, notamment en répondant aux appels à projets des fondations, pour accompagner financièrement et matériellement les Centres SECCOIA et les associations partenaires qui créent du lien, de l’employabilité et de l’emploi dans les quartiers prioritaires de Guyane.',
  status: 'Fonds de dotation régi par l’article 140 de la loi n° 2008-776 du 4 août 2008',
  signerName: 'Dominique Avisse',
  signerRole: 'Président du conseil d’administration',
};

/** The initial endowment: 15 000 €, not consumable (law 2008-776 art. 140 and the statutes). */
export const DEMO_ENDOWMENT_CENTS = 1_500_000;

/** Small deterministic generator (mulberry32): the demo looks the same on every install. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const FIRST_NAMES = [
  'Josiane',
  'Rudy',
  'Maryse',
  'Gilles',
  'Murielle',
  'Frantz',
  'Sylvie',
  'Jean-Claude',
  'Nadège',
  'Wilfried',
  'Léonie',
  'Thierry',
  'Mylène',
  'Steeve',
  'Ghislaine',
  'Patrice',
  'Rose-Marie',
  'Yolande',
  'Olivier',
  'Sandrine',
  'Hervé',
  'Christelle',
  'Anaïs',
  'Mathieu',
  'Laetitia',
  'Élodie',
  'Rémi',
  'Marie-France',
  'Joël',
  'Clarisse',
  'Éric',
  'Solange',
  'Loïc',
  'Annick',
  'Fritz',
  'Hélène',
];
const FAMILY_NAMES = [
  'Abchée',
  'Alexandre',
  'Bertrand',
  'Clet',
  'Ho-A-Chuck',
  'Lin',
  'Pindard',
  'Ronmy',
  'Sabayo',
  'Tiouka',
  'Joseph',
  'Jean-Baptiste',
  'Dorville',
  'Chow-Chine',
  'Mathurin',
  'Édouard',
  'Lucien',
  'Nelson',
  'Marie-Sainte',
  'Rosemond',
  'Gaillard',
  'Euzet',
  'Bertin',
  'Cétout',
  'Démocrite',
  'Lecante',
  'Fernand',
  'Prévot',
  'Ho-Ten-Soeng',
  'Opoya',
  'Da Silva',
  'Pierre-Louis',
  'Mérine',
  'Saint-Clair',
  'Berthelot',
  'Lony',
  'Thébia',
  'Dupuy',
  'Martin',
  'Le Goff',
];

interface Town {
  city: string;
  postcode: string;
  streets: string[];
}
const TOWNS: Town[] = [
  {
    city: 'Cayenne',
    postcode: '97300',
    streets: [
      'rue Schoelcher',
      'rue François Arago',
      'boulevard Jubelin',
      'rue Christophe Colomb',
      'avenue Léopold Héder',
      'rue du Docteur Barrat',
      'route de Baduel',
      'rue Madame Payé',
      'chemin de la Levée',
      'rue des Palmistes',
    ],
  },
  {
    city: 'Kourou',
    postcode: '97310',
    streets: [
      'avenue des Roches',
      'allée des Cocotiers',
      'rue des Balisiers',
      'avenue de France',
      'impasse des Flamboyants',
    ],
  },
  {
    city: 'Matoury',
    postcode: '97351',
    streets: ['route de la Madeleine', 'rue des Ébéniers', 'lotissement Copaya', 'chemin Larivot'],
  },
  {
    city: 'Rémire-Montjoly',
    postcode: '97354',
    streets: ['route des Plages', 'chemin Poupon', 'rue des Manguiers', 'allée des Hibiscus'],
  },
  {
    city: 'Macouria',
    postcode: '97355',
    streets: ['route de Soula', 'rue des Wapas', 'lotissement Les Maripas'],
  },
  {
    city: 'Saint-Laurent-du-Maroni',
    postcode: '97320',
    streets: ['rue Thiers', 'avenue Félix Éboué', 'rue Victor Hugo'],
  },
];
/** Where individual donors live: mostly on the island of Cayenne, then Kourou. */
const TOWN_WEIGHTS = [0.4, 0.18, 0.14, 0.12, 0.08, 0.08];

const COMPANIES: { name: string; town: number; street: string }[] = [
  { name: 'Boulangerie du Vieux Port', town: 0, street: 'rue de Rémire' },
  { name: 'Guyane Matériaux BTP', town: 2, street: 'zone industrielle de Collery' },
  { name: 'Transports Amazonie Express', town: 2, street: 'route de la Madeleine' },
  { name: 'Pharmacie des Palmistes', town: 0, street: 'place des Palmistes' },
  { name: 'Cabinet Rosemond & Associés', town: 0, street: 'avenue du Général de Gaulle' },
  { name: 'Informatique Caraïbes Services', town: 0, street: 'rue Lallouette' },
  { name: 'Ébénisterie Awala', town: 4, street: 'route de Soula' },
  { name: 'Supermarché Le Cocotier', town: 1, street: 'avenue des Roches' },
  { name: 'Hôtel Les Balisiers', town: 1, street: 'rue des Balisiers' },
  { name: 'Imprimerie du Mahury', town: 3, street: 'route des Plages' },
  { name: 'Spatial Logistique Kourou', town: 1, street: 'avenue de France' },
  { name: 'Garage Mécanique Larivot', town: 2, street: 'chemin Larivot' },
  { name: 'Électricité Générale Maroni', town: 5, street: 'rue Thiers' },
  { name: 'Agence Littoral Immobilier', town: 0, street: 'boulevard Jubelin' },
];

/** Foundations answering calls for projects (names of the demo, not real bodies). */
const FOUNDATIONS = [
  'Fondation Solidarités Amazonie',
  'Fondation Numérique Solidaire',
  'Fondation Habitat Digne',
  'Fondation Entreprendre en Quartiers',
  'Fondation pour une Alimentation Durable',
  'Fondation Mobilités Douces',
  'Fondation Économie Circulaire Outre-mer',
  'Fondation Jeunesse et Territoires',
  'Fondation Santé de Proximité',
  'Fondation Caraïbe Avenir',
  'Fondation pour l’Insertion Outre-mer',
  'Fondation du Littoral Guyanais',
];

interface GoodsTemplate {
  category: InKindCategory;
  description: string;
  unit: 'piece' | 'lot' | 'kg' | 'box' | 'm2';
  quantity: [number, number];
  unitCents: number;
  gramsPerUnit: number | null;
  condition: 'new' | 'good' | 'fair' | 'for_repair';
}
const GOODS: GoodsTemplate[] = [
  {
    category: 'furniture',
    description: 'Tables et chaises de bureau',
    unit: 'piece',
    quantity: [4, 12],
    unitCents: 3_500,
    gramsPerUnit: 9_000,
    condition: 'good',
  },
  {
    category: 'furniture',
    description: 'Armoires métalliques de rangement',
    unit: 'piece',
    quantity: [2, 4],
    unitCents: 6_000,
    gramsPerUnit: 35_000,
    condition: 'fair',
  },
  {
    category: 'furniture',
    description: 'Canapé et fauteuils pour l’espace d’accueil',
    unit: 'lot',
    quantity: [1, 1],
    unitCents: 35_000,
    gramsPerUnit: 60_000,
    condition: 'good',
  },
  {
    category: 'it_equipment',
    description: 'Ordinateurs portables reconditionnés (i5, 8 Go)',
    unit: 'piece',
    quantity: [3, 10],
    unitCents: 18_000,
    gramsPerUnit: 2_200,
    condition: 'good',
  },
  {
    category: 'it_equipment',
    description: 'Écrans 24 pouces et claviers',
    unit: 'piece',
    quantity: [4, 8],
    unitCents: 5_000,
    gramsPerUnit: 4_500,
    condition: 'good',
  },
  {
    category: 'it_equipment',
    description: 'Imprimante laser multifonction',
    unit: 'piece',
    quantity: [1, 1],
    unitCents: 25_000,
    gramsPerUnit: 18_000,
    condition: 'new',
  },
  {
    category: 'appliances',
    description: 'Réfrigérateur et congélateur',
    unit: 'piece',
    quantity: [1, 2],
    unitCents: 20_000,
    gramsPerUnit: 55_000,
    condition: 'good',
  },
  {
    category: 'appliances',
    description: 'Machines à coudre',
    unit: 'piece',
    quantity: [2, 4],
    unitCents: 8_000,
    gramsPerUnit: 7_000,
    condition: 'fair',
  },
  {
    category: 'clothes',
    description: 'Vêtements adultes et enfants triés',
    unit: 'box',
    quantity: [5, 20],
    unitCents: 1_500,
    gramsPerUnit: 8_000,
    condition: 'good',
  },
  {
    category: 'clothes',
    description: 'Linge de maison (draps, serviettes)',
    unit: 'kg',
    quantity: [20, 80],
    unitCents: 300,
    gramsPerUnit: 1_000,
    condition: 'good',
  },
  {
    category: 'food',
    description: 'Denrées sèches (riz, pâtes, conserves) pour les cafés de rencontre',
    unit: 'box',
    quantity: [10, 30],
    unitCents: 2_500,
    gramsPerUnit: null,
    condition: 'new',
  },
  {
    category: 'food',
    description: 'Fruits et légumes invendus du marché',
    unit: 'kg',
    quantity: [30, 120],
    unitCents: 250,
    gramsPerUnit: null,
    condition: 'good',
  },
  {
    category: 'building_materials',
    description: 'Tôles et bois de charpente de récupération',
    unit: 'lot',
    quantity: [1, 3],
    unitCents: 30_000,
    gramsPerUnit: 150_000,
    condition: 'fair',
  },
  {
    category: 'building_materials',
    description: 'Carrelage en fin de série',
    unit: 'm2',
    quantity: [10, 40],
    unitCents: 1_500,
    gramsPerUnit: 20_000,
    condition: 'new',
  },
  {
    category: 'bikes',
    description: 'Vélos adultes à réviser',
    unit: 'piece',
    quantity: [3, 10],
    unitCents: 4_000,
    gramsPerUnit: 15_000,
    condition: 'for_repair',
  },
  {
    category: 'bikes',
    description: 'Vélos enfants',
    unit: 'piece',
    quantity: [2, 6],
    unitCents: 2_500,
    gramsPerUnit: 9_000,
    condition: 'good',
  },
  {
    category: 'books_toys',
    description: 'Livres jeunesse et jeux de société',
    unit: 'box',
    quantity: [2, 8],
    unitCents: 2_000,
    gramsPerUnit: null,
    condition: 'good',
  },
];
/** Partner associations that take goods on: clothes, bikes, building materials. */
const PARTNER_OF_CATEGORY: Partial<Record<InKindCategory, string>> = {
  clothes: 'ne-plus-jeter',
  bikes: 'kaz-a-velo',
  building_materials: 'compagnons-batisseurs',
};

interface GrantSpec {
  funder: number;
  call: string;
  project: string;
  centre: string | null;
  requested: number;
  awarded?: number;
  status: 'draft' | 'submitted' | 'awarded' | 'rejected' | 'report_due' | 'closed';
  /** Days from today (negative: past). */
  deadline?: number;
  submitted?: number;
  decision?: number;
  reportDue?: number;
  closed?: number;
  instalments?: { expected: number; cents: number; received?: number }[];
  notes?: string;
}
const GRANTS: GrantSpec[] = [
  {
    funder: 0,
    call: 'Vivre ensemble dans les quartiers',
    project: 'Cafés de rencontre au Village Chinois',
    centre: 'cayenne-village-chinois',
    requested: 1_800_000,
    awarded: 1_500_000,
    status: 'closed',
    deadline: -1010,
    submitted: -1000,
    decision: -940,
    reportDue: -420,
    closed: -400,
    instalments: [
      { expected: -920, cents: 1_050_000, received: -915 },
      { expected: -600, cents: 450_000, received: -590 },
    ],
  },
  {
    funder: 1,
    call: 'Inclusion numérique Outre-mer',
    project: 'Espace numérique et aide aux démarches en ligne',
    centre: 'cayenne-mont-lucas',
    requested: 1_200_000,
    awarded: 1_200_000,
    status: 'closed',
    deadline: -905,
    submitted: -900,
    decision: -850,
    reportDue: -480,
    closed: -470,
    instalments: [{ expected: -830, cents: 1_200_000, received: -828 }],
  },
  {
    funder: 2,
    call: 'Lutte contre le mal-logement',
    project: 'Auto-réhabilitation accompagnée à Matoury',
    centre: 'matoury',
    requested: 2_500_000,
    status: 'closed',
    deadline: -810,
    submitted: -800,
    decision: -740,
    closed: -700,
    notes: 'Refusée : le comité a retenu des projets déjà engagés avec un bailleur social.',
  },
  {
    funder: 3,
    call: 'Entreprendre dans les quartiers prioritaires',
    project: 'Couveuse d’activités pour les créateurs du Village Chinois',
    centre: 'cayenne-village-chinois',
    requested: 3_000_000,
    status: 'rejected',
    deadline: -205,
    submitted: -200,
    decision: -130,
    notes: 'Refusée ; le comité invite à redéposer avec un partenaire bancaire.',
  },
  {
    funder: 4,
    call: 'Jardins nourriciers',
    project: 'Jardins partagés de Macouria et du Village Chinois',
    centre: 'macouria',
    requested: 2_000_000,
    awarded: 1_600_000,
    status: 'report_due',
    deadline: -570,
    submitted: -560,
    decision: -500,
    reportDue: 30,
    instalments: [
      { expected: -480, cents: 800_000, received: -478 },
      { expected: -300, cents: 800_000, received: -290 },
    ],
  },
  {
    funder: 5,
    call: 'Se déplacer autrement',
    project: 'Atelier vélo solidaire avec Kaz à vélo',
    centre: 'cayenne-village-chinois',
    requested: 900_000,
    awarded: 900_000,
    status: 'report_due',
    deadline: -490,
    submitted: -480,
    decision: -430,
    reportDue: -10,
    instalments: [{ expected: -410, cents: 900_000, received: -405 }],
  },
  {
    funder: 6,
    call: 'Réemploi et économie circulaire',
    project: 'Ressourcerie de Kourou : collecte et réemploi du mobilier',
    centre: 'kourou',
    requested: 4_000_000,
    awarded: 3_500_000,
    status: 'awarded',
    deadline: -260,
    submitted: -250,
    decision: -150,
    reportDue: 300,
    instalments: [
      { expected: -130, cents: 1_750_000, received: -125 },
      { expected: 45, cents: 1_750_000 },
    ],
  },
  {
    funder: 7,
    call: 'Jeunes des quartiers prioritaires',
    project: 'Vers l’emploi des jeunes décrocheurs à Saint-Laurent-du-Maroni',
    centre: 'saint-laurent-du-maroni',
    requested: 3_000_000,
    awarded: 2_000_000,
    status: 'awarded',
    deadline: -125,
    submitted: -120,
    decision: -30,
    reportDue: 400,
    instalments: [
      { expected: -5, cents: 1_000_000 },
      { expected: 180, cents: 1_000_000 },
    ],
    notes: 'Accordée en partie : 20 000 € sur 30 000 € demandés.',
  },
  {
    funder: 8,
    call: 'Santé dans les quartiers',
    project: 'Téléconsultation accompagnée dans les centres SECCOIA',
    centre: null,
    requested: 1_500_000,
    status: 'submitted',
    deadline: -45,
    submitted: -40,
  },
  {
    funder: 9,
    call: 'Égalité des chances Outre-mer',
    project: 'Ateliers couture et réemploi textile avec Ne plus jeter',
    centre: 'cayenne-village-chinois',
    requested: 800_000,
    status: 'submitted',
    deadline: -10,
    submitted: -12,
  },
  {
    funder: 10,
    call: 'Insertion par l’activité économique',
    project: 'Chantier d’insertion de Rémire-Montjoly',
    centre: 'remire-montjoly',
    requested: 4_500_000,
    status: 'draft',
    deadline: 25,
  },
  {
    funder: 11,
    call: 'Littoral propre',
    project: 'Collecte et valorisation des déchets de plage à Kourou',
    centre: 'kourou',
    requested: 1_000_000,
    status: 'draft',
    deadline: 85,
  },
  {
    funder: 0,
    call: 'Urgence sociale',
    project: 'Aide alimentaire d’urgence dans les cafés de rencontre',
    centre: null,
    requested: 500_000,
    status: 'closed',
    deadline: -330,
    closed: -335,
    notes: 'Appel laissé passer : le calendrier était trop court pour réunir les devis.',
  },
];

/** A valid SIRET: 13 drawn digits and the Luhn check digit that isSiret accepts. */
function siretFrom(draw: () => number): string {
  const head = Array.from({ length: 13 }, (_, i) => (i === 0 ? 1 + (draw() % 9) : draw() % 10));
  for (let d = 0; d <= 9; d++) {
    const candidate = `${head.join('')}${d}`;
    if (isSiret(candidate)) return candidate;
  }
  throw new Error('no SIRET check digit');
}

const slugify = (s: string) =>
  searchKey(s)
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9.]/g, '');

export async function seedDemoFund(
  tx: Db,
  organisationId: string,
  today: Temporal.PlainDate,
): Promise<FundSeedReport> {
  const report: FundSeedReport = {
    donorsCreated: 0,
    donationsCreated: 0,
    grantsCreated: 0,
    disbursementsCreated: 0,
    ledgerEntriesCreated: 0,
    receiptsIssued: 0,
  };
  const start = today.subtract({ years: 3 });
  const day = (offset: number) => today.add({ days: offset }).toString();
  /** A moment of that day in Cayenne, so created-at columns follow the story. */
  const at = (date: string, minute = 0) =>
    new Date(
      Temporal.PlainDate.from(date)
        .toZonedDateTime({ timeZone: 'America/Cayenne', plainTime: '09:00' })
        .add({ minutes: minute })
        .toInstant().epochMilliseconds,
    );

  await tx
    .insert(fundSettings)
    .values({ organisationId, ...DEMO_FUND_IDENTITY })
    .onConflictDoNothing();

  const centreRows = await tx
    .select({ id: centres.id, slug: centres.slug, name: centres.name })
    .from(centres)
    .where(eq(centres.organisationId, organisationId));
  const centreBySlug = new Map(centreRows.map((c) => [c.slug, c]));
  const centreId = (slug: string) => {
    const c = centreBySlug.get(slug);
    if (!c) throw new Error(`centre de démonstration introuvable : ${slug}`);
    return c.id;
  };
  const partnerRows = await tx
    .select({ id: partners.id, slug: partners.slug, name: partners.name })
    .from(partners)
    .where(eq(partners.organisationId, organisationId));
  const partnerBySlug = new Map(partnerRows.map((p) => [p.slug, p]));
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['admin@lakou.test', 'gestion@lakou.test']));
  const admin = people.find((u) => u.email === 'admin@lakou.test')?.id ?? null;
  const manager = people.find((u) => u.email === 'gestion@lakou.test')?.id ?? null;

  await tx
    .insert(subFunds)
    .values([
      {
        organisationId,
        code: 'LIBRE',
        name: 'Fonds libre',
        kind: 'unrestricted',
        purpose: 'Dons sans affectation : soutien aux centres et aux associations partenaires.',
        createdAt: at(start.toString()),
      },
      {
        organisationId,
        code: 'DOTATION',
        name: 'Dotation en capital',
        kind: 'endowment',
        purpose: 'Dotation initiale du fonds, non consommable selon les statuts.',
        consumable: false,
        createdAt: at(start.toString()),
      },
      {
        organisationId,
        code: 'JARDINS',
        name: 'Jardins partagés',
        kind: 'restricted',
        purpose: 'Jardins partagés et agriculture de proximité dans les centres.',
        createdAt: at(start.toString()),
      },
      {
        organisationId,
        code: 'KOUROU',
        name: 'Centre de Kourou',
        kind: 'restricted',
        purpose: 'Dons affectés au Centre SECCOIA de Kourou.',
        centreId: centreId('kourou'),
        createdAt: at(start.toString()),
      },
    ])
    .onConflictDoNothing();

  const [already] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(donors)
    .where(eq(donors.organisationId, organisationId));
  if ((already?.n ?? 0) > 0) return report;

  const fundRows = await tx
    .select({ id: subFunds.id, code: subFunds.code })
    .from(subFunds)
    .where(
      and(
        eq(subFunds.organisationId, organisationId),
        inArray(subFunds.code, ['LIBRE', 'DOTATION', 'JARDINS', 'KOUROU']),
      ),
    );
  const fundId = new Map(fundRows.map((f) => [f.code, f.id]));
  const fund = (code: string) => {
    const id = fundId.get(code);
    if (!id) throw new Error(`sous-fonds introuvable : ${code}`);
    return id;
  };

  const rng = generator(20_190_301);
  const days = today.since(start).total({ unit: 'days' });
  const randomDate = (from = 1) => {
    // A quarter of the gifts come in December, when donors think of their tax reduction.
    if (rng.chance(0.25)) {
      const year = today.year - rng.int(0, 2);
      const date = Temporal.PlainDate.from({ year, month: 12, day: rng.int(1, 31) });
      if (
        Temporal.PlainDate.compare(date, start) > 0 &&
        Temporal.PlainDate.compare(date, today) <= 0
      )
        return date.toString();
    }
    return start.add({ days: rng.int(from, days) }).toString();
  };

  // ---- Donors ----------------------------------------------------------------------------
  type DonorRow = typeof donors.$inferInsert & { id: string; town: number };
  const donorRows: DonorRow[] = [];
  const addDonor = (d: Omit<DonorRow, 'organisationId' | 'searchKey'>) => {
    const row: DonorRow = {
      ...d,
      organisationId,
      searchKey: searchKey(`${d.name} ${d.email ?? ''} ${d.city ?? ''}`),
      createdBy: admin,
    };
    donorRows.push(row);
    return row;
  };
  const pickTown = () => {
    let x = rng.next();
    for (const [i, w] of TOWN_WEIGHTS.entries()) {
      if (x < w) return i;
      x -= w;
    }
    return 0;
  };

  const founder = addDonor({
    id: randomUUID(),
    kind: 'company',
    name: 'Association SECCOIA-Guyane',
    email: 'contact@seccoia-guyane.example.org',
    phone: '0594 30 12 12',
    addressLine: '12 rue Lallouette',
    postcode: '97300',
    city: 'Cayenne',
    country: 'France',
    siret: null,
    consentToContact: true,
    notes: 'Association fondatrice du fonds : apport de la dotation initiale.',
    town: 0,
  });

  const usedNames = new Set<string>();
  const individuals: DonorRow[] = [];
  while (individuals.length < 64) {
    const first = rng.pick(FIRST_NAMES);
    const family = rng.pick(FAMILY_NAMES);
    const name = `${family} ${first}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const town = pickTown();
    const t = TOWNS[town] as Town;
    const withAddress = rng.chance(0.9);
    const withEmail = rng.chance(0.75);
    individuals.push(
      addDonor({
        id: randomUUID(),
        kind: 'individual',
        name,
        email: withEmail ? `${slugify(first)}.${slugify(family)}@example.org` : null,
        phone: rng.chance(0.6)
          ? `0694 ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`
          : null,
        addressLine: withAddress ? `${rng.int(1, 120)} ${rng.pick(t.streets)}` : null,
        postcode: withAddress ? t.postcode : null,
        city: withAddress || rng.chance(0.5) ? t.city : null,
        country: withAddress ? 'France' : null,
        siret: null,
        consentToContact: withEmail && rng.chance(0.7),
        notes: null,
        town,
      }),
    );
  }
  const companies = COMPANIES.map((c) => {
    const t = TOWNS[c.town] as Town;
    return addDonor({
      id: randomUUID(),
      kind: 'company',
      name: c.name,
      email: `contact@${slugify(c.name).replace(/\./g, '-')}.example.com`,
      phone: `0594 ${rng.int(20, 39)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
      addressLine: `${rng.int(1, 60)} ${c.street}`,
      postcode: t.postcode,
      city: t.city,
      country: 'France',
      siret: siretFrom(() => rng.int(0, 9)),
      consentToContact: rng.chance(0.8),
      notes: null,
      town: c.town,
    });
  });
  const foundations = FOUNDATIONS.map((name, i) =>
    addDonor({
      id: randomUUID(),
      kind: 'foundation',
      name,
      email: `appels-a-projets@${slugify(name).replace(/\./g, '-')}.example.org`,
      phone: null,
      addressLine: `${10 + i * 7} rue de la Solidarité`,
      postcode: '75011',
      city: 'Paris',
      country: 'France',
      siret: siretFrom(() => rng.int(0, 9)),
      consentToContact: true,
      notes: 'Finance par appels à projets.',
      town: 0,
    }),
  );
  const publicBody = addDonor({
    id: randomUUID(),
    kind: 'public_body',
    name: 'Commune de Matoury',
    email: null,
    phone: '0594 35 60 00',
    addressLine: 'Hôtel de ville, place de la Mairie',
    postcode: '97351',
    city: 'Matoury',
    country: 'France',
    siret: null,
    consentToContact: false,
    notes: 'Mobilier réformé remis en nature ; pas de reçu fiscal pour un organisme public.',
    town: 2,
  });

  // ---- Money donations -------------------------------------------------------------------
  type DonationRow = typeof donations.$inferInsert & { id: string; receivedOn: string };
  type EntryRow = typeof ledgerEntries.$inferInsert & {
    subFundId: string;
    occurredOn: string;
    amountCents: number;
  };
  const donationRows: DonationRow[] = [];
  const entries: EntryRow[] = [];
  let refCounter = 0;
  const nextRef = (method: PaymentMethod, date: string) => {
    refCounter++;
    const compact = date.replaceAll('-', '');
    if (method === 'cheque') return `CHQ ${String(3_104_000 + refCounter * 37).padStart(7, '0')}`;
    if (method === 'transfer') return `VIR-${compact}-${String(refCounter).padStart(4, '0')}`;
    if (method === 'card') return `CB-${compact}-${String(refCounter).padStart(4, '0')}`;
    return null;
  };
  const moneyGift = (g: {
    donor: DonorRow | null;
    date: string;
    cents: number;
    method: PaymentMethod;
    code: string;
    note?: string | null;
    reference?: string | null;
  }) => {
    const id = randomUUID();
    const subFundId = fund(g.code);
    const created = at(g.date, 60 + donationRows.length);
    donationRows.push({
      id,
      organisationId,
      kind: 'money',
      donorId: g.donor?.id ?? null,
      receivedOn: g.date,
      amountCents: g.cents,
      method: g.method,
      subFundId,
      reference: g.reference === undefined ? nextRef(g.method, g.date) : g.reference,
      note: g.note ?? null,
      createdBy: admin,
      createdAt: created,
    });
    entries.push({
      organisationId,
      subFundId,
      occurredOn: g.date,
      amountCents: g.cents,
      kind: 'donation',
      // As the gifts API writes it: no person's name in the append-only ledger (erasure).
      label: giftLabel(
        g.donor ? { kind: g.donor.kind as DonorKind, name: g.donor.name } : null,
        g.method,
      ),
      donationId: id,
      createdBy: admin,
      createdAt: created,
    });
  };

  // The endowment comes first: the founder's 15 000 € on the fund's first day.
  moneyGift({
    donor: founder,
    date: start.toString(),
    cents: DEMO_ENDOWMENT_CENTS,
    method: 'transfer',
    code: 'DOTATION',
    note: 'Dotation initiale prévue par les statuts (non consommable).',
    reference: 'DOTATION-INITIALE',
  });

  const individualAmounts = [20, 30, 50, 50, 50, 75, 100, 100, 100, 150, 200, 250, 300, 500];
  for (const d of individuals) {
    const roll = rng.next();
    const count =
      roll < 0.4 ? 1 : roll < 0.7 ? rng.int(2, 3) : roll < 0.9 ? rng.int(4, 6) : rng.int(8, 14);
    const usual = rng.pick(individualAmounts);
    for (let k = 0; k < count; k++) {
      const method: PaymentMethod = rng.pick([
        'cheque',
        'cheque',
        'cheque',
        'cheque',
        'transfer',
        'transfer',
        'transfer',
        'card',
        'card',
        'cash',
      ]);
      let euros = rng.chance(0.8) ? usual : rng.pick(individualAmounts);
      if (rng.chance(0.04)) euros = rng.pick([1000, 1500, 2000]);
      if (method === 'cash') euros = Math.min(euros, 150);
      const code =
        d.town === 1 && rng.chance(0.6) ? 'KOUROU' : rng.chance(0.1) ? 'JARDINS' : 'LIBRE';
      moneyGift({
        donor: d,
        date: randomDate(),
        cents: euros * 100,
        method,
        code,
        note: code === 'JARDINS' ? 'Pour les jardins partagés.' : null,
      });
    }
  }
  for (const d of companies) {
    const count = rng.int(2, 5);
    for (let k = 0; k < count; k++) {
      const euros = rng.pick([300, 500, 500, 1000, 1000, 1500, 2000, 3000, 5000]);
      moneyGift({
        donor: d,
        date: randomDate(),
        cents: euros * 100,
        method: rng.chance(0.7) ? 'transfer' : 'cheque',
        code: d.town === 1 ? 'KOUROU' : rng.chance(0.15) ? 'JARDINS' : 'LIBRE',
        note: 'Mécénat d’entreprise.',
      });
    }
  }
  // Foundations mostly give through grants; two also sent an unrestricted gift.
  for (const d of [foundations[0], foundations[4]]) {
    if (!d) continue;
    moneyGift({
      donor: d,
      date: randomDate(200),
      cents: 250_000,
      method: 'transfer',
      code: d === foundations[4] ? 'JARDINS' : 'LIBRE',
      note: 'Don de soutien hors appel à projets.',
    });
  }
  // Cash collected at the cafés de rencontre, without a name (no receipt possible).
  for (let k = 0; k < 15; k++) {
    moneyGift({
      donor: null,
      date: randomDate(),
      cents: rng.int(15, 120) * 100 + rng.pick([0, 50]),
      method: 'cash',
      code: 'LIBRE',
      note: 'Tronc du café de rencontre.',
      reference: null,
    });
  }

  // ---- Gifts in kind ---------------------------------------------------------------------
  const vcSlug = 'cayenne-village-chinois';
  const centreSlugs = [...centreBySlug.keys()].sort();
  const inKind: (DonationRow & { category: InKindCategory })[] = [];
  for (let k = 0; k < 42; k++) {
    const tpl = rng.pick(GOODS);
    const fromCompany = rng.chance(0.45);
    const donor = k === 0 ? publicBody : fromCompany ? rng.pick(companies) : rng.pick(individuals);
    const date = randomDate();
    const quantity = rng.int(tpl.quantity[0], tpl.quantity[1]);
    const slug =
      rng.chance(0.35) || tpl.category === 'bikes' ? vcSlug : rng.pick(centreSlugs) || vcSlug;
    const method =
      donor.kind === 'company'
        ? 'invoice'
        : donor.kind === 'public_body'
          ? 'estimate'
          : rng.chance(0.7)
            ? 'market_value'
            : 'estimate';
    // A company values at cost price, a person at the market value of similar used goods.
    const unitCents =
      method === 'invoice' ? Math.round(tpl.unitCents * 0.8) : Math.round(tpl.unitCents);
    const valuation = Math.max(100, unitCents * quantity);
    const centreName = centreBySlug.get(slug)?.name ?? slug;
    const evidence =
      method === 'invoice'
        ? `Facture ${donor.name} n° F${date.slice(0, 4)}-${rng.int(100, 999)} (prix de revient)`
        : method === 'market_value'
          ? `Annonces d’occasion comparables relevées le ${date} : ${(unitCents / 100).toFixed(2).replace('.', ',')} € l’unité`
          : `Estimation de l’équipe du ${centreName} après tri${tpl.gramsPerUnit ? ' et pesée' : ''}`;
    const weighed = tpl.gramsPerUnit !== null && CIRCULAR_STREAM_OF_CATEGORY[tpl.category];
    const massGrams = weighed && rng.chance(0.7) ? quantity * (tpl.gramsPerUnit ?? 0) : null;
    const row = {
      id: randomUUID(),
      organisationId,
      kind: 'in_kind',
      donorId: k === 0 ? publicBody.id : donor.id,
      receivedOn: k === 0 ? day(-700) : date,
      amountCents: k === 0 ? 120_000 : valuation,
      description:
        k === 0 ? 'Mobilier de bureau réformé (bureaux, chaises, armoires)' : tpl.description,
      category: k === 0 ? ('furniture' as const) : tpl.category,
      quantity: k === 0 ? 24 : quantity,
      unit: k === 0 ? 'piece' : tpl.unit,
      condition: k === 0 ? 'fair' : tpl.condition,
      valuationMethod: method,
      evidence:
        k === 0 ? 'Estimation sur la délibération de réforme du mobilier communal' : evidence,
      centreId: centreId(k === 0 ? 'matoury' : slug),
      massGrams: k === 0 ? 360_000 : massGrams,
      circularStream:
        k === 0
          ? 'furniture'
          : massGrams !== null
            ? (CIRCULAR_STREAM_OF_CATEGORY[tpl.category] ?? null)
            : null,
      createdBy: slug === vcSlug || slug === 'cayenne-mont-lucas' ? manager : admin,
      createdAt: at(k === 0 ? day(-700) : date, 30 + k),
    };
    inKind.push(row);
  }
  // The demo manager's centre always has goods on its books, some of them recent.
  for (const [k, tpl] of [GOODS[0], GOODS[3], GOODS[8], GOODS[14]].entries()) {
    if (!tpl) continue;
    const donor = k % 2 === 0 ? (companies[k] as DonorRow) : (individuals[k] as DonorRow);
    const date = day(-(k * 20 + 6));
    const quantity = tpl.quantity[1];
    const method = donor.kind === 'company' ? 'invoice' : 'market_value';
    const massGrams = tpl.gramsPerUnit ? quantity * tpl.gramsPerUnit : null;
    inKind.push({
      id: randomUUID(),
      organisationId,
      kind: 'in_kind',
      donorId: donor.id,
      receivedOn: date,
      amountCents: tpl.unitCents * quantity,
      description: tpl.description,
      category: tpl.category,
      quantity,
      unit: tpl.unit,
      condition: tpl.condition,
      valuationMethod: method,
      evidence:
        method === 'invoice'
          ? `Facture ${donor.name} n° F${date.slice(0, 4)}-${200 + k} (prix de revient)`
          : `Annonces d’occasion comparables relevées le ${date}`,
      centreId: centreId(vcSlug),
      massGrams,
      circularStream: massGrams ? (CIRCULAR_STREAM_OF_CATEGORY[tpl.category] ?? null) : null,
      createdBy: manager,
      createdAt: at(date, 45 + k),
    });
  }
  donationRows.push(...inKind);

  // ---- Grants ------------------------------------------------------------------------------
  type GrantRow = typeof grants.$inferInsert & { id: string };
  const grantRows: GrantRow[] = [];
  const instalmentRows: (typeof grantInstalments.$inferInsert & { id: string })[] = [];
  const grantFundRows: (typeof subFunds.$inferInsert & { id: string })[] = [];
  /** Sub-fund id → the day its grant closes (everything spent before). */
  const grantFunds = new Map<
    string,
    { closedOn: string | null; centreSlug: string; project: string }
  >();
  const subvNumber = new Map<number, number>();
  for (const g of [...GRANTS].sort((a, b) => (a.decision ?? 0) - (b.decision ?? 0))) {
    const funder = foundations[g.funder] as DonorRow;
    const id = randomUUID();
    let subFundId: string | null = null;
    if (g.awarded !== undefined && g.decision !== undefined) {
      const year = Temporal.PlainDate.from(day(g.decision)).year;
      if (!subvNumber.has(year)) {
        const [taken] = await tx
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(subFunds)
          .where(
            and(eq(subFunds.organisationId, organisationId), like(subFunds.code, `SUBV-${year}-%`)),
          );
        subvNumber.set(year, taken?.n ?? 0);
      }
      const n = (subvNumber.get(year) ?? 0) + 1;
      subvNumber.set(year, n);
      subFundId = randomUUID();
      grantFundRows.push({
        id: subFundId,
        organisationId,
        code: `SUBV-${year}-${n}`,
        name: g.project,
        kind: 'restricted',
        purpose: `${g.call} — ${funder.name}`,
        centreId: g.centre ? centreId(g.centre) : null,
        grantId: id,
        createdBy: admin,
        createdAt: at(day(g.decision), 120),
      });
      grantFunds.set(subFundId, {
        closedOn: g.closed !== undefined ? day(g.closed) : null,
        centreSlug: g.centre ?? vcSlug,
        project: g.project,
      });
    }
    grantRows.push({
      id,
      organisationId,
      funderId: funder.id,
      callForProjects: g.call,
      project: g.project,
      status: g.status,
      amountRequestedCents: g.requested,
      amountAwardedCents: g.awarded ?? null,
      submissionDeadline: g.deadline !== undefined ? day(g.deadline) : null,
      submittedOn: g.submitted !== undefined ? day(g.submitted) : null,
      decisionOn: g.decision !== undefined ? day(g.decision) : null,
      reportDueOn: g.reportDue !== undefined ? day(g.reportDue) : null,
      closedOn: g.closed !== undefined ? day(g.closed) : null,
      centreId: g.centre ? centreId(g.centre) : null,
      subFundId,
      notes: g.notes ?? null,
      createdBy: admin,
      createdAt: at(day(Math.min(g.submitted ?? g.deadline ?? 0, g.deadline ?? 0) - 30)),
      updatedAt: at(day(g.closed ?? g.decision ?? g.submitted ?? -1)),
    });
    const instalments = g.instalments ?? [];
    for (const [k, i] of instalments.entries()) {
      const instalmentId = randomUUID();
      instalmentRows.push({
        id: instalmentId,
        grantId: id,
        expectedOn: day(i.expected),
        amountCents: i.cents,
        receivedOn: i.received !== undefined ? day(i.received) : null,
        createdAt: at(day(g.decision ?? 0), 130 + k),
      });
      if (i.received !== undefined && subFundId) {
        entries.push({
          organisationId,
          subFundId,
          occurredOn: day(i.received),
          amountCents: i.cents,
          kind: 'grant_instalment',
          label: `Versement ${k + 1}/${instalments.length} — ${funder.name} (${g.project})`,
          grantInstalmentId: instalmentId,
          createdBy: admin,
          createdAt: at(day(i.received), 200 + k),
        });
      }
    }
  }

  // ---- Disbursements: the board meets each quarter ---------------------------------------
  type DisbursementRow = typeof disbursements.$inferInsert & { id: string };
  const disbursementRows: DisbursementRow[] = [];
  const goodsRows: { disbursementId: string; donationId: string }[] = [];
  const inflows = [...entries];
  const spent = new Map<string, number>();
  const balanceAt = (subFundId: string, date: string) =>
    inflows
      .filter((e) => e.subFundId === subFundId && e.occurredOn <= date)
      .reduce((s, e) => s + e.amountCents, 0) - (spent.get(subFundId) ?? 0);
  const meetings: { on: string; paidOn: string; ref: string }[] = [];
  for (let year = start.year; year <= today.year; year++) {
    let n = 0;
    for (const month of [3, 6, 9, 12]) {
      const on = Temporal.PlainDate.from({ year, month, day: 12 });
      if (Temporal.PlainDate.compare(on, start) <= 0) continue;
      n++;
      const paid = on.add({ days: 10 });
      if (Temporal.PlainDate.compare(paid, today) > 0) continue;
      meetings.push({
        on: on.toString(),
        paidOn: paid.toString(),
        ref: `CA-${year}-${String(n).padStart(2, '0')}`,
      });
    }
  }
  const hundreds = (cents: number) => Math.floor(cents / 10_000) * 10_000;
  const partnerPurposes: [string, string][] = [
    ['ne-plus-jeter', 'Machines à coudre et fournitures de l’atelier de remise en état'],
    ['kaz-a-velo', 'Pièces détachées et outillage de l’atelier vélo'],
    ['compagnons-batisseurs', 'Chantier d’auto-réhabilitation accompagnée d’un logement'],
    ['ptce-ancrage', 'Semaine de l’emploi dans les quartiers prioritaires'],
  ];
  const centrePurposes = [
    'Fonctionnement de l’accueil et des cafés de rencontre',
    'Permanences emploi et accompagnement des créateurs',
    'Équipement de l’espace numérique',
    'Aide aux démarches administratives (France Services)',
  ];
  const disburse = (
    m: (typeof meetings)[number],
    d: {
      code?: string;
      subFundId?: string;
      cents: number;
      centre?: string;
      partner?: string;
      purpose: string;
    },
  ) => {
    const subFundId = d.subFundId ?? fund(d.code ?? 'LIBRE');
    if (d.cents <= 0 || d.cents > balanceAt(subFundId, m.paidOn)) return;
    const id = randomUUID();
    const beneficiary = d.centre
      ? (centreBySlug.get(d.centre)?.name ?? d.centre)
      : (partnerBySlug.get(d.partner ?? '')?.name ?? '');
    const created = at(m.paidOn, 300 + disbursementRows.length);
    disbursementRows.push({
      id,
      organisationId,
      kind: 'money',
      centreId: d.centre ? centreId(d.centre) : null,
      partnerId: d.partner ? (partnerBySlug.get(d.partner)?.id ?? null) : null,
      subFundId,
      amountCents: d.cents,
      purpose: d.purpose,
      decisionOn: m.on,
      decisionRef: m.ref,
      paidOn: m.paidOn,
      createdBy: admin,
      createdAt: created,
    });
    spent.set(subFundId, (spent.get(subFundId) ?? 0) + d.cents);
    entries.push({
      organisationId,
      subFundId,
      occurredOn: m.paidOn,
      amountCents: -d.cents,
      kind: 'disbursement',
      label: `Décaissement — ${beneficiary} : ${d.purpose}`,
      disbursementId: id,
      createdBy: admin,
      createdAt: created,
    });
  };
  for (const [k, m] of meetings.entries()) {
    const libre = balanceAt(fund('LIBRE'), m.paidOn);
    disburse(m, {
      code: 'LIBRE',
      cents: hundreds(libre * 0.3),
      centre: centreSlugs[k % centreSlugs.length] ?? vcSlug,
      purpose: centrePurposes[k % centrePurposes.length] ?? 'Fonctionnement du centre',
    });
    if (k % 2 === 1) {
      const [partner, purpose] = partnerPurposes[(k >> 1) % partnerPurposes.length] ?? [];
      if (partner && partnerBySlug.has(partner))
        disburse(m, {
          code: 'LIBRE',
          cents: Math.min(hundreds(balanceAt(fund('LIBRE'), m.paidOn) * 0.25), 500_000),
          partner,
          purpose: purpose ?? 'Soutien à l’association',
        });
    }
    disburse(m, {
      code: 'JARDINS',
      cents: hundreds(balanceAt(fund('JARDINS'), m.paidOn) * 0.6),
      centre: [vcSlug, 'cayenne-mont-lucas', 'macouria'][k % 3] ?? vcSlug,
      purpose: 'Outils, semences et récupérateurs d’eau pour le jardin partagé',
    });
    disburse(m, {
      code: 'KOUROU',
      cents: hundreds(balanceAt(fund('KOUROU'), m.paidOn) * 0.6),
      centre: 'kourou',
      purpose: k % 2 ? 'Ateliers de réparation et cafés de rencontre' : 'Permanences emploi',
    });
    for (const [subFundId, g] of grantFunds) {
      const balance = balanceAt(subFundId, m.paidOn);
      if (balance <= 0 || (g.closedOn && m.paidOn > g.closedOn)) continue;
      const next = meetings[k + 1];
      const last = g.closedOn !== null && (!next || next.paidOn > g.closedOn);
      disburse(m, {
        subFundId,
        cents: last ? balance : hundreds(balance * 0.5),
        centre: g.centreSlug,
        purpose: g.project,
      });
    }
  }

  // Goods passed on to partner associations, decided at the next board meeting.
  const passable = inKind.filter(
    (g) =>
      PARTNER_OF_CATEGORY[g.category] && partnerBySlug.has(PARTNER_OF_CATEGORY[g.category] ?? ''),
  );
  const batches = new Map<
    string,
    { meeting: (typeof meetings)[number]; partner: string; gifts: typeof inKind }
  >();
  for (const g of passable) {
    if (!rng.chance(0.6)) continue;
    const meeting = meetings.find((m) => m.on > g.receivedOn);
    const partner = PARTNER_OF_CATEGORY[g.category];
    if (!meeting || !partner) continue;
    const key = `${meeting.ref}/${partner}`;
    const batch = batches.get(key) ?? { meeting, partner, gifts: [] };
    batch.gifts.push(g);
    batches.set(key, batch);
  }
  for (const { meeting, partner, gifts } of batches.values()) {
    const id = randomUUID();
    const partnerRow = partnerBySlug.get(partner);
    disbursementRows.push({
      id,
      organisationId,
      kind: 'goods',
      centreId: null,
      partnerId: partnerRow?.id ?? null,
      subFundId: null,
      amountCents: gifts.reduce((s, g) => s + g.amountCents, 0),
      purpose: `Dons en nature transmis à ${partnerRow?.name ?? partner} pour réemploi`,
      decisionOn: meeting.on,
      decisionRef: meeting.ref,
      paidOn: meeting.paidOn,
      createdBy: admin,
      createdAt: at(meeting.paidOn, 400),
    });
    for (const g of gifts) {
      g.partnerId = partnerRow?.id ?? null;
      goodsRows.push({ disbursementId: id, donationId: g.id });
    }
  }

  // ---- Write ---------------------------------------------------------------------------
  const chunks = async <T>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 400) await write(rows.slice(i, i + 400));
  };
  const firstGift = new Map<string, string>();
  for (const d of donationRows)
    if (d.donorId && (!firstGift.has(d.donorId) || d.receivedOn < (firstGift.get(d.donorId) ?? '')))
      firstGift.set(d.donorId, d.receivedOn);
  const donorValues = donorRows.map(({ town: _town, ...d }) => {
    const created = at(firstGift.get(d.id) ?? start.toString());
    return {
      ...d,
      consentAt: d.consentToContact ? created : null,
      createdAt: created,
      updatedAt: created,
    };
  });
  await chunks(donorValues, (part) => tx.insert(donors).values(part));
  if (grantFundRows.length) await tx.insert(subFunds).values(grantFundRows);
  await chunks(grantRows, (part) => tx.insert(grants).values(part));
  if (instalmentRows.length) await tx.insert(grantInstalments).values(instalmentRows);
  await chunks(donationRows, (part) => tx.insert(donations).values(part));
  await chunks(disbursementRows, (part) => tx.insert(disbursements).values(part));
  if (goodsRows.length) await tx.insert(disbursementGoods).values(goodsRows);
  entries.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  await chunks(entries, (part) => tx.insert(ledgerEntries).values(part));

  report.receiptsIssued = await issueDemoReceipts(tx, {
    organisationId,
    today,
    admin,
    donors: donorRows,
    gifts: donationRows,
  });

  report.donorsCreated = donorRows.length;
  report.donationsCreated = donationRows.length;
  report.grantsCreated = grantRows.length;
  report.disbursementsCreated = disbursementRows.length;
  report.ledgerEntriesCreated = entries.length;
  return report;
}

/**
 * Tax receipts of the years gone by, issued as the fund would have: each January an annual
 * summary for every person who gave 200 € or more the year before (with a full address), and for
 * companies and foundations one receipt per gift of 1 500 € or more about ten days after it; the
 * other gifts wait for a receipt on request. One annual receipt was cancelled for
 * a wrong address and reissued. Issued in date order through issueReceipt, so each year's
 * numbers run 1…n without a gap.
 */
async function issueDemoReceipts(
  tx: Db,
  p: {
    organisationId: string;
    today: Temporal.PlainDate;
    admin: string | null;
    donors: (typeof donors.$inferInsert & { id: string })[];
    gifts: (typeof donations.$inferInsert & { id: string; receivedOn: string })[];
  },
): Promise<number> {
  const t = tx as unknown as Tx;
  const todayText = p.today.toString();
  const byId = new Map(p.donors.map((d) => [d.id, d]));
  const eligible = (id: string | null | undefined) => {
    const d = id ? byId.get(id) : undefined;
    return d && d.kind !== 'public_body' && d.addressLine && d.postcode && d.city ? d : undefined;
  };
  type Action =
    | { on: string; kind: 'issue'; key: string; input: ReceiptInput }
    | { on: string; kind: 'cancel'; key: string; reason: string };
  const actions: Action[] = [];
  const annual = new Set<string>();
  const yearTotal = new Map<string, number>();
  for (const g of p.gifts) {
    const key = `${g.donorId}/${g.receivedOn.slice(0, 4)}`;
    yearTotal.set(key, (yearTotal.get(key) ?? 0) + g.amountCents);
  }
  for (const g of p.gifts) {
    const d = eligible(g.donorId);
    if (!d || d.notes?.startsWith('Association fondatrice')) continue;
    const year = Number(g.receivedOn.slice(0, 4));
    if (d.kind === 'individual') {
      const on = `${year + 1}-01-${String(12 + (annual.size % 15)).padStart(2, '0')}`;
      const key = `${d.id}/${year}`;
      // Small givers receive theirs on request: their gifts stay to be receipted in the hub.
      if (on <= todayText && !annual.has(key) && (yearTotal.get(key) ?? 0) >= 20_000) {
        annual.add(key);
        actions.push({ on, kind: 'issue', key, input: { kind: 'annual', donorId: d.id, year } });
      }
    } else {
      const on = Temporal.PlainDate.from(g.receivedOn).add({ days: 10 }).toString();
      if (on <= todayText && g.amountCents >= 150_000)
        actions.push({
          on,
          kind: 'issue',
          key: g.id,
          input: { kind: 'single', donationId: g.id },
        });
    }
  }
  // The first annual receipt of the last January: cancelled three weeks later and reissued.
  const lastJanuary = actions
    .filter(
      (a) =>
        a.kind === 'issue' && a.input.kind === 'annual' && a.on.startsWith(`${p.today.year}-01`),
    )
    .sort((a, b) => a.on.localeCompare(b.on) || a.key.localeCompare(b.key))[0];
  if (lastJanuary)
    actions.push({
      on: `${p.today.year}-02-05`,
      kind: 'cancel',
      key: lastJanuary.key,
      reason: 'Adresse du donateur erronée : reçu réémis à la nouvelle adresse.',
    });
  actions.sort((a, b) => a.on.localeCompare(b.on) || a.key.localeCompare(b.key));
  const issued = new Map<string, string>();
  let count = 0;
  for (const a of actions) {
    if (a.kind === 'issue') {
      const receipt = await issueReceipt(t, {
        organisationId: p.organisationId,
        input: a.input,
        issuedOn: a.on,
        userId: p.admin,
      });
      issued.set(a.key, receipt.id);
      count++;
    } else {
      const receiptId = issued.get(a.key);
      if (!receiptId) continue;
      const done = await cancelReceipt(t, {
        organisationId: p.organisationId,
        receiptId,
        reason: a.reason,
        reissue: true,
        issuedOn: a.on,
        userId: p.admin,
      });
      if (done.reissued) count++;
    }
  }
  return count;
}

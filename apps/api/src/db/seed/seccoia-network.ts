import type { CentreInput, OpeningWindow, PartnerKind } from '@lakou/domain/network';

/** The SECCOIA-Guyane network as described in shared/seeds: the demo data of a new install. */
export const organisation = { slug: 'seccoia-guyane', name: 'SECCOIA-Guyane' };

const weekdays = (days: number[], opens: string, closes: string): OpeningWindow[] =>
  days.map((weekday) => ({ weekday, opens, closes }));

/**
 * Mornings for France Services counters and coworking, afternoons running into the nightly
 * café de rencontre (18:00–19:30), a Saturday morning in the larger centres.
 */
const standardWeek: OpeningWindow[] = [
  ...weekdays([1, 2, 3, 4, 5], '08:00', '12:30'),
  ...weekdays([1, 2, 3, 4, 5], '14:00', '19:30'),
  ...weekdays([6], '09:00', '13:00'),
];

const smallCentreWeek: OpeningWindow[] = [
  ...weekdays([1, 2, 4, 5], '08:30', '12:30'),
  ...weekdays([1, 2, 3, 4, 5], '15:00', '19:30'),
];

type SeedCentre = Omit<CentreInput, 'timeZone' | 'phone' | 'email'> & {
  timeZone: string;
  phone: string | null;
  email: string | null;
};

export const centres: SeedCentre[] = [
  {
    slug: 'cayenne-village-chinois',
    name: 'Centre SECCOIA du Village Chinois',
    commune: 'Cayenne',
    qpv: 'Village Chinois',
    address: { street: '12 rue Lieutenant Becker', postalCode: '97300', city: 'Cayenne' },
    timeZone: 'America/Cayenne',
    phone: '0594 30 12 40',
    email: 'village-chinois@seccoia-guyane.org',
    openingHours: standardWeek,
  },
  {
    slug: 'cayenne-mont-lucas',
    name: 'Centre SECCOIA de Mont-Lucas',
    commune: 'Cayenne',
    qpv: 'Mont-Lucas',
    address: {
      street: '5 rue des Palmistes, Cité Mont-Lucas',
      postalCode: '97300',
      city: 'Cayenne',
    },
    timeZone: 'America/Cayenne',
    phone: '0594 30 12 41',
    email: 'mont-lucas@seccoia-guyane.org',
    openingHours: standardWeek,
  },
  {
    slug: 'macouria',
    name: 'Centre SECCOIA de Macouria',
    commune: 'Macouria',
    qpv: 'Soula',
    address: { street: '3 route de Soula', postalCode: '97355', city: 'Macouria' },
    timeZone: 'America/Cayenne',
    phone: null,
    email: 'macouria@seccoia-guyane.org',
    openingHours: smallCentreWeek,
  },
  {
    slug: 'matoury',
    name: 'Centre SECCOIA de Matoury',
    commune: 'Matoury',
    qpv: 'Balata – Copaya',
    address: { street: '18 chemin de Balata', postalCode: '97351', city: 'Matoury' },
    timeZone: 'America/Cayenne',
    phone: '0594 35 20 10',
    email: 'matoury@seccoia-guyane.org',
    openingHours: standardWeek,
  },
  {
    slug: 'remire-montjoly',
    name: 'Centre SECCOIA de Rémire-Montjoly',
    commune: 'Rémire-Montjoly',
    qpv: null,
    address: { street: '40 route des Plages', postalCode: '97354', city: 'Rémire-Montjoly' },
    timeZone: 'America/Cayenne',
    phone: null,
    email: 'remire@seccoia-guyane.org',
    openingHours: smallCentreWeek,
  },
  {
    slug: 'kourou',
    name: 'Centre SECCOIA de Kourou',
    commune: 'Kourou',
    qpv: 'Anatole – Eldo',
    address: { street: '7 avenue des Roches', postalCode: '97310', city: 'Kourou' },
    timeZone: 'America/Cayenne',
    phone: '0594 32 44 00',
    email: 'kourou@seccoia-guyane.org',
    openingHours: standardWeek,
  },
  {
    slug: 'saint-laurent-du-maroni',
    name: 'Centre SECCOIA de Saint-Laurent-du-Maroni',
    commune: 'Saint-Laurent-du-Maroni',
    qpv: 'Charbonnière',
    address: { street: '2 rue du Port', postalCode: '97320', city: 'Saint-Laurent-du-Maroni' },
    timeZone: 'America/Cayenne',
    phone: '0594 34 10 20',
    email: 'saint-laurent@seccoia-guyane.org',
    openingHours: standardWeek,
  },
];

/** Closures every centre observes (end-of-year break, Guiana's Carnival fat days, 10 June). */
export const networkClosures = [
  { startsOn: '2026-12-24', endsOn: '2027-01-01', reason: 'Fermeture de fin d’année' },
  { startsOn: '2027-02-08', endsOn: '2027-02-10', reason: 'Jours gras du Carnaval' },
  {
    startsOn: '2027-06-10',
    endsOn: '2027-06-10',
    reason: 'Abolition de l’esclavage (jour férié en Guyane)',
  },
];

interface SeedPartner {
  slug: string;
  name: string;
  kind: PartnerKind;
  description: string;
  website: string | null;
  /** Centre slugs; empty = the whole network. */
  centres: string[];
}

export const partners: SeedPartner[] = [
  {
    slug: 'ne-plus-jeter',
    name: 'Ne plus jeter',
    kind: 'association',
    description:
      'Collecte et remise en état de vêtements et tissus ; permanences de collecte et vente solidaire.',
    website: null,
    centres: ['cayenne-village-chinois'],
  },
  {
    slug: 'kaz-a-velo',
    name: 'Kaz à vélo',
    kind: 'association',
    description: 'Atelier vélo : aide les habitants à remettre en état et réparer leur vélo.',
    website: null,
    centres: ['cayenne-village-chinois', 'cayenne-mont-lucas'],
  },
  {
    slug: 'compagnons-batisseurs',
    name: 'Compagnons Bâtisseurs',
    kind: 'association',
    description: 'Auto-construction et auto-réhabilitation accompagnées (ACA, ARA).',
    website: 'https://www.compagnonsbatisseurs.eu',
    centres: [],
  },
  {
    slug: 'agsy',
    name: 'AGSY',
    kind: 'company',
    description: 'Architectes de l’habitat participatif.',
    website: null,
    centres: [],
  },
  {
    slug: 'caf-guyane',
    name: 'CAF de la Guyane',
    kind: 'public_body',
    description:
      'Caisse d’allocations familiales : permanences et démarches en Maison France Services.',
    website: 'https://www.caf.fr',
    centres: [],
  },
  {
    slug: 'france-travail',
    name: 'France Travail',
    kind: 'public_body',
    description: 'Recherche d’emploi, inscription et accompagnement (ex-Pôle emploi).',
    website: 'https://www.francetravail.fr',
    centres: [],
  },
  {
    slug: 'mission-locale',
    name: 'Mission Locale de Guyane',
    kind: 'public_body',
    description: 'Accompagnement des jeunes de 16 à 25 ans vers l’emploi et la formation.',
    website: null,
    centres: ['cayenne-village-chinois', 'cayenne-mont-lucas', 'kourou', 'saint-laurent-du-maroni'],
  },
  {
    slug: 'cgss-guyane',
    name: 'CGSS de la Guyane',
    kind: 'public_body',
    description: 'Assurance maladie et retraite : aide aux démarches en ligne.',
    website: null,
    centres: [],
  },
  {
    slug: 'ptce-ancrage',
    name: 'PTCE Ancrage',
    kind: 'association',
    description: 'Pôle territorial de coopération économique, réseau des structures d’insertion.',
    website: null,
    centres: [],
  },
  {
    slug: 'coorace',
    name: 'COORACE',
    kind: 'association',
    description:
      'Fédération de l’insertion par l’activité économique ; structuration du réseau IAE en Guyane.',
    website: 'https://www.coorace.org',
    centres: ['saint-laurent-du-maroni', 'cayenne-village-chinois'],
  },
];

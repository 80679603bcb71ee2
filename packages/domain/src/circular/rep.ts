/**
 * French extended-producer-responsibility (REP) streams (code de l'environnement, L. 541-10-1)
 * a material stream may belong to: its producers fund the collection and treatment through an
 * eco-organisation, and the tonnages are reported to it.
 */
export const repStreams = [
  'emballages_menagers',
  'papiers',
  'deee',
  'piles_accumulateurs',
  'tlc',
  'dea',
  'jouets',
  'asl',
  'abj',
  'pmcb',
  'pneumatiques',
  'vhu',
  'dds',
] as const;
export type RepStream = (typeof repStreams)[number];

export const REP_STREAM_LABELS: Record<RepStream, string> = {
  emballages_menagers: 'Emballages ménagers',
  papiers: 'Papiers graphiques',
  deee: 'Équipements électriques et électroniques (DEEE)',
  piles_accumulateurs: 'Piles et accumulateurs',
  tlc: 'Textiles, linge de maison et chaussures (TLC)',
  dea: 'Éléments d’ameublement (DEA)',
  jouets: 'Jouets',
  asl: 'Articles de sport et de loisirs (ASL)',
  abj: 'Articles de bricolage et de jardin (ABJ)',
  pmcb: 'Produits et matériaux de construction du bâtiment (PMCB)',
  pneumatiques: 'Pneumatiques',
  vhu: 'Véhicules hors d’usage',
  dds: 'Déchets diffus spécifiques (DDS)',
};

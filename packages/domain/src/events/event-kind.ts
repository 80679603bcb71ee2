import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

/** A kind of event (café de rencontre, workshop …): data, so a network can add its own. */
export const eventKind = z
  .object({
    id: uuid,
    key: z.string().describe('Stable identifier, e.g. `cafe-rencontre`.'),
    label: z.string().describe('French name shown in the hub and the public agenda.'),
    active: z.boolean(),
  })
  .meta({ id: 'EventKind' });
export type EventKind = z.infer<typeof eventKind>;

export const eventKindInput = z.object({
  key: z
    .string({ error: 'Indiquez un identifiant (lettres minuscules, chiffres et tirets).' })
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'L’identifiant ne contient que des lettres minuscules, des chiffres et des tirets.',
    })
    .max(40, { error: 'L’identifiant compte au plus 40 caractères.' }),
  label: z
    .string({ error: 'Indiquez le nom du type d’événement.' })
    .trim()
    .min(2, { error: 'Le nom compte au moins 2 caractères.' })
    .max(80, { error: 'Le nom compte au plus 80 caractères.' }),
});
export type EventKindInput = z.infer<typeof eventKindInput>;

/** The kinds every network starts with (the seed writes them; admins may add more). */
export const DEFAULT_EVENT_KINDS: readonly EventKindInput[] = [
  { key: 'cafe-rencontre', label: 'Café de rencontre' },
  { key: 'atelier', label: 'Atelier' },
  { key: 'formation', label: 'Formation' },
  { key: 'concert', label: 'Concert' },
  { key: 'permanence', label: 'Permanence de partenaire' },
  { key: 'specialiste', label: 'Visite de spécialiste ou téléconsultation' },
  { key: 'distribution', label: 'Distribution' },
];

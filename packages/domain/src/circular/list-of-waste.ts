import { z } from 'zod';
import data from './list-of-waste.json' with { type: 'json' };

/**
 * The European List of Waste (Decision 2000/532/EC as amended by 2014/955/EU), in the French
 * text of annex II of article R. 541-8 of the code de l'environnement: 20 chapters, their
 * sub-chapters and the six-digit entries written `NN NN NN`. An entry marked `*` in the text is
 * hazardous (`hazardous: true` here): a flow under such a code needs the state's tracking slip
 * (Trackdéchets), of which Lakou keeps the reference.
 */
export interface WasteCodeEntry {
  code: string;
  hazardous: boolean;
  description: string;
}

export interface ListOfWaste {
  source: string;
  chapters: { code: string; title: string }[];
  subChapters: { code: string; title: string }[];
  entries: WasteCodeEntry[];
}

export const LIST_OF_WASTE: ListOfWaste = data;

const byCode = new Map(LIST_OF_WASTE.entries.map((e) => [e.code, e]));

/**
 * The canonical form of a code typed by a person: « 200301 », « 20.03.01 », « 20 03 01* » all
 * read as `20 03 01`. Returns null when the input is not six digits (a star is allowed last).
 */
export function normaliseWasteCode(input: string): string | null {
  const digits = input.replace(/[\s.\-*]/g, '');
  if (!/^\d{6}$/.test(digits) || !/^[\d\s.-]+\*?\s*$/.test(input.trim())) return null;
  return `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)}`;
}

/** The list's entry for a code (any of the forms `normaliseWasteCode` reads), or undefined. */
export function findWasteCode(input: string): WasteCodeEntry | undefined {
  const code = normaliseWasteCode(input);
  return code === null ? undefined : byCode.get(code);
}

export function isHazardousWasteCode(input: string): boolean {
  return findWasteCode(input)?.hazardous === true;
}

/** How a code is printed: `20 01 35*` for a hazardous entry, as in the official list. */
export function formatWasteCode(entry: WasteCodeEntry): string {
  return entry.hazardous ? `${entry.code}*` : entry.code;
}

/** A code of the list, stored in its canonical form `NN NN NN`; anything else is refused. */
export const wasteCode = z
  .string({ error: 'Code déchet attendu (six chiffres, par exemple 20 01 10).' })
  .trim()
  .transform((v, ctx) => {
    const entry = findWasteCode(v);
    if (!entry) {
      ctx.addIssue({
        code: 'custom',
        message:
          normaliseWasteCode(v) === null
            ? 'Code déchet attendu : six chiffres, par exemple 20 01 10.'
            : `Le code ${v} n’est pas dans la liste européenne des déchets.`,
      });
      return z.NEVER;
    }
    return entry.code;
  });

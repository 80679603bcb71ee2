import {
  INTERMEDIATE_OPERATIONS,
  LIST_OF_WASTE,
  OPERATION_CODES_OF_TREATMENT,
  TREATMENT_OPERATIONS,
  type Treatment,
  treatments,
} from '@lakou/domain/circular';
import { searchKey } from '@lakou/domain/shared';

/** One entry of the list of waste as the code search answers it, with its chapter's titles. */
export interface WasteCodeHit {
  code: string;
  hazardous: boolean;
  description: string;
  chapterTitle: string;
  subChapterTitle: string;
}

const chapterTitles = new Map(LIST_OF_WASTE.chapters.map((c) => [c.code, c.title]));
const subChapterTitles = new Map(LIST_OF_WASTE.subChapters.map((c) => [c.code, c.title]));

/** Every entry once, with what a search compares: its digits and its words without accents. */
const INDEX = LIST_OF_WASTE.entries.map((e) => ({
  hit: {
    code: e.code,
    hazardous: e.hazardous,
    description: e.description,
    chapterTitle: chapterTitles.get(e.code.slice(0, 2)) ?? '',
    subChapterTitle: subChapterTitles.get(e.code.slice(0, 5)) ?? '',
  } satisfies WasteCodeHit,
  digits: e.code.replace(/\s/g, ''),
  words: ` ${searchKey(e.description)} `,
}));

/**
 * Entries of the list matching what a person typed, in the list's order: a code's beginning
 * (« 20 01 », « 2001 », « 20.01.3 ») or words of the description, accents and case ignored
 * (« emballages verre » finds « emballages en verre »). Nothing typed: the whole list.
 */
export function searchWasteCodes(q: string | undefined): WasteCodeHit[] {
  const typed = (q ?? '').trim();
  if (typed === '') return INDEX.map((e) => e.hit);
  if (/^[\d\s.*-]+$/.test(typed)) {
    const digits = typed.replace(/\D/g, '');
    return INDEX.filter((e) => e.digits.startsWith(digits)).map((e) => e.hit);
  }
  const words = searchKey(typed).split(' ').filter(Boolean);
  return INDEX.filter((e) => words.every((w) => e.words.includes(` ${w}`))).map((e) => e.hit);
}

/** The R and D operations, each with the treatments that accept it and whether it is final. */
export const TREATMENT_OPERATION_LIST = TREATMENT_OPERATIONS.map((o) => ({
  code: o.code,
  kind: o.kind,
  description: o.description,
  treatments: treatments.filter((t: Treatment) => OPERATION_CODES_OF_TREATMENT[t].includes(o.code)),
  intermediate: INTERMEDIATE_OPERATIONS.has(o.code),
}));

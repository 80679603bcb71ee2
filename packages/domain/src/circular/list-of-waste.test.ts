import { describe, expect, it } from 'vitest';
import {
  findWasteCode,
  formatWasteCode,
  isHazardousWasteCode,
  LIST_OF_WASTE,
  normaliseWasteCode,
  wasteCode,
} from './list-of-waste.ts';

describe('the European List of Waste shipped as data', () => {
  it('holds the whole official list: 20 chapters, 111 sub-chapters, 842 entries, 408 hazardous', () => {
    expect(LIST_OF_WASTE.chapters).toHaveLength(20);
    expect(LIST_OF_WASTE.subChapters).toHaveLength(111);
    expect(LIST_OF_WASTE.entries).toHaveLength(842);
    expect(LIST_OF_WASTE.entries.filter((e) => e.hazardous)).toHaveLength(408);
  });

  it('nests every entry in a listed sub-chapter and every sub-chapter in a listed chapter', () => {
    const chapters = new Set(LIST_OF_WASTE.chapters.map((c) => c.code));
    const subChapters = new Set(LIST_OF_WASTE.subChapters.map((s) => s.code));
    for (const s of LIST_OF_WASTE.subChapters) expect(chapters.has(s.code.slice(0, 2))).toBe(true);
    for (const e of LIST_OF_WASTE.entries) expect(subChapters.has(e.code.slice(0, 5))).toBe(true);
    expect(new Set(LIST_OF_WASTE.entries.map((e) => e.code)).size).toBe(842);
  });

  it('validates every shipped code, in its printed form too', () => {
    for (const entry of LIST_OF_WASTE.entries) {
      expect(wasteCode.parse(entry.code)).toBe(entry.code);
      expect(wasteCode.parse(formatWasteCode(entry))).toBe(entry.code);
      expect(wasteCode.parse(entry.code.replace(/ /g, ''))).toBe(entry.code);
    }
  });

  it('refuses a code that is not six digits, or six digits not in the list, with a French reason', () => {
    const notSix = wasteCode.safeParse('20 01');
    expect(notSix.success).toBe(false);
    expect(notSix.error?.issues[0]?.message).toMatch(/six chiffres/);
    for (const code of ['99 99 99', '20 01 05', '20 04 01', '00 00 00']) {
      const result = wasteCode.safeParse(code);
      expect(result.success, code).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/n’est pas dans la liste européenne/);
    }
    expect(wasteCode.safeParse('2O 01 01').success).toBe(false);
    expect(wasteCode.safeParse('20 01 01**').success).toBe(false);
  });

  it('reads the forms people type and marks hazardous entries', () => {
    expect(normaliseWasteCode('200301')).toBe('20 03 01');
    expect(normaliseWasteCode('20.03.01')).toBe('20 03 01');
    expect(normaliseWasteCode(' 20 01 35* ')).toBe('20 01 35');
    expect(normaliseWasteCode('20 03')).toBeNull();
    expect(findWasteCode('20 03 01')?.description).toBe('déchets municipaux en mélange');
    expect(isHazardousWasteCode('20 01 35')).toBe(true);
    expect(isHazardousWasteCode('20 01 36')).toBe(false);
    const batteries = findWasteCode('200133');
    expect(batteries && formatWasteCode(batteries)).toBe('20 01 33*');
  });
});

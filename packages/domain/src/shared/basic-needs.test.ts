import { describe, expect, it } from 'vitest';
import { basicNeedLabels, basicNeedList, basicNeeds } from './basic-needs.ts';

describe('basic needs', () => {
  it('are the seven needs of the centres, each with its French words', () => {
    expect(basicNeeds).toHaveLength(7);
    expect(Object.keys(basicNeedLabels).sort()).toEqual([...basicNeeds].sort());
    expect(basicNeedLabels.food).toBe('Se nourrir');
  });

  it('accept a list without duplicates, and refuse unknown needs in French', () => {
    expect(basicNeedList.parse(['food', 'health'])).toEqual(['food', 'health']);
    expect(basicNeedList.safeParse(['food', 'food']).error?.issues[0]?.message).toMatch(
      /qu’une fois/,
    );
    expect(basicNeedList.safeParse(['numérique']).error?.issues[0]?.message).toMatch(
      /Besoin de base attendu/,
    );
  });
});

import type { CustomFieldDefinition } from '@lakou/domain/config';
import { describe, expect, it } from 'vitest';
import {
  changedSpec,
  checkDraft,
  draftOf,
  emptyDraft,
  keyFromLabel,
  nextUid,
  slugify,
} from './fieldDraft.ts';

const messages = { invalidNumber: 'Indiquez un nombre.' };

describe('the field dialog’s draft', () => {
  it('derives keys from French labels', () => {
    expect(keyFromLabel('Public accueilli')).toBe('public_accueilli');
    expect(keyFromLabel('Âge moyen (ans)')).toBe('age_moyen_ans');
    expect(keyFromLabel('3 repas')).toBe('champ_3_repas');
    expect(slugify('Personnes âgées', '-')).toBe('personnes-agees');
  });

  it('gives the domain’s French messages under the controls', () => {
    const draft = { ...emptyDraft(), type: 'single_choice' as const, labelFr: '', key: 'Bad' };
    const result = checkDraft(draft, 'event', messages);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.labelFr).toBe('Indiquez le libellé du champ.');
      expect(result.errors.key).toMatch(/lettre minuscule/);
    }
  });

  it('asks for choices on a choice field and unique option keys', () => {
    const noOptions = {
      ...emptyDraft(),
      labelFr: 'Public',
      key: 'public',
      type: 'single_choice' as const,
    };
    expect(checkDraft(noOptions, 'event', messages).ok).toBe(false);
    const option = (key: string) => ({
      uid: nextUid(),
      key,
      labelFr: key,
      labelEn: '',
      keyTouched: true,
    });
    const twice = { ...noOptions, options: [option('a'), option('a')] };
    const result = checkDraft(twice, 'event', messages);
    expect(result.ok).toBe(false);
    const fine = checkDraft(
      { ...noOptions, options: [option('a'), option('b')] },
      'event',
      messages,
    );
    expect(fine.ok).toBe(true);
  });

  it('refuses a minimum above the maximum and text in a bound', () => {
    const draft = { ...emptyDraft(), labelFr: 'Âge', key: 'age', type: 'number' as const };
    const reversed = checkDraft({ ...draft, min: '10', max: '2' }, 'event', messages);
    expect(reversed.ok).toBe(false);
    const typed = checkDraft({ ...draft, min: 'dix' }, 'event', messages);
    expect(!typed.ok && typed.errors.min).toBe('Indiquez un nombre.');
    const decimal = checkDraft({ ...draft, min: '1,5', defaultRaw: '2' }, 'event', messages);
    expect(decimal.ok && [decimal.spec.min, decimal.spec.defaultValue]).toEqual([1.5, 2]);
  });

  it('keeps confidential for circle intakes only and patches only what changed', () => {
    const draft = { ...emptyDraft(), labelFr: 'Note', key: 'note', confidential: true };
    const checked = checkDraft(draft, 'event', messages);
    expect(checked.ok && checked.spec.confidential).toBe(false);
    const stored = {
      ...(checked.ok ? checked.spec : ({} as never)),
      id: '00000000-0000-4000-8000-000000000001',
      entity: 'event',
      centreId: null,
      position: 0,
      version: 3,
      retiredAt: null,
      createdAt: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
    } satisfies CustomFieldDefinition;
    const edited = checkDraft({ ...draftOf(stored, 'fr'), required: true }, 'event', messages);
    expect(edited.ok && changedSpec(stored, edited.spec)).toEqual({ required: true });
  });
});

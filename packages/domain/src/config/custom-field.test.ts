import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  applicableDefinitions,
  CUSTOM_FIELD_ENTITIES,
  type CustomFieldEntity,
  type CustomFieldSpec,
  customFieldDefinition,
  customFieldEntity,
  customFieldInput,
  customFieldKey,
  customFieldLabel,
  customFieldPatch,
  customFieldSpec,
  customFieldType,
  specIssues,
} from './custom-field.ts';

const spec = (s: Partial<z.input<typeof customFieldSpec>> & Pick<CustomFieldSpec, 'type'>) =>
  customFieldSpec.parse({ key: 'public', labelFr: 'Public accueilli', ...s });
const options = [
  { key: 'jeunes', labelFr: 'Jeunes' },
  { key: 'familles', labelFr: 'Familles' },
];
const paths = (s: CustomFieldSpec, entity: CustomFieldEntity = 'event') =>
  specIssues(s, entity).map((i) => i.path.join('.'));

describe('custom field spec', () => {
  it('fills the defaults', () => {
    expect(spec({ type: 'short_text' })).toEqual({
      key: 'public',
      labelFr: 'Public accueilli',
      labelEn: '',
      helpFr: '',
      helpEn: '',
      type: 'short_text',
      required: false,
      defaultValue: null,
      min: null,
      max: null,
      options: [],
      inTables: false,
      confidential: false,
    });
  });

  it('checks keys, labels, entities and types with French messages', () => {
    expect(customFieldKey.safeParse('public_2').success).toBe(true);
    for (const bad of ['Public', '2public', 'pub-lic', '', 'a'.repeat(41)]) {
      expect(customFieldKey.safeParse(bad).error?.issues[0]?.message).toMatch(
        /^La clé commence par une lettre minuscule/,
      );
    }
    expect(customFieldKey.safeParse('a'.repeat(40)).success).toBe(true);
    expect(customFieldEntity.safeParse('bookings').error?.issues[0]?.message).toMatch(
      /^Type de fiche attendu : booking, event/,
    );
    expect(customFieldType.safeParse('text').error?.issues[0]?.message).toMatch(
      /^Type de champ attendu : short_text/,
    );
    const noLabel = customFieldSpec.safeParse({ key: 'a', labelFr: '  ', type: 'date' });
    expect(noLabel.error?.issues[0]?.message).toBe('Indiquez le libellé du champ.');
    const badOption = customFieldSpec.safeParse({
      key: 'a',
      labelFr: 'A',
      type: 'single_choice',
      options: [{ key: 'Oui', labelFr: 'Oui' }],
    });
    expect(badOption.error?.issues[0]?.path).toEqual(['options', 0, 'key']);
  });
});

describe('specIssues', () => {
  it('accepts sound specs of every type', () => {
    expect(paths(spec({ type: 'number', min: 0, max: 0 }))).toEqual([]);
    expect(paths(spec({ type: 'single_choice', options, defaultValue: 'jeunes' }))).toEqual([]);
    expect(
      paths(spec({ type: 'multiple_choice', options, required: true, defaultValue: ['jeunes'] })),
    ).toEqual([]);
    expect(paths(spec({ type: 'yes_no', defaultValue: false }))).toEqual([]);
    expect(paths(spec({ type: 'short_text', confidential: true }), 'circle_intake')).toEqual([]);
  });

  it('refuses bounds that cross or that a non-number field has', () => {
    expect(specIssues(spec({ type: 'number', min: 5, max: 4 }), 'event')).toEqual([
      { path: ['max'], message: 'Le maximum est inférieur au minimum.' },
    ]);
    expect(paths(spec({ type: 'short_text', min: 1, max: 2 }))).toEqual(['min', 'max']);
  });

  it('refuses options on a non-choice field, none or duplicates on a choice field', () => {
    expect(paths(spec({ type: 'date', options }))).toEqual(['options']);
    expect(specIssues(spec({ type: 'single_choice' }), 'event')).toEqual([
      { path: ['options'], message: 'Un champ à choix propose au moins un choix.' },
    ]);
    const twice = spec({
      type: 'multiple_choice',
      options: [
        ...options,
        { key: 'jeunes', labelFr: 'Jeunes (bis)' },
        { key: 'x', labelFr: 'familles' },
      ],
    });
    expect(specIssues(twice, 'event')).toEqual([
      { path: ['options', '2', 'key'], message: 'La clé de choix « jeunes » figure deux fois.' },
      {
        path: ['options', '3', 'labelFr'],
        message: 'Le libellé de choix « familles » figure deux fois.',
      },
    ]);
  });

  it('refuses a default that does not fit, with the reason', () => {
    expect(specIssues(spec({ type: 'number', max: 10, defaultValue: 11 }), 'event')).toEqual([
      {
        path: ['defaultValue'],
        message:
          'La valeur par défaut ne convient pas au champ. « Public accueilli » : au plus 10.',
      },
    ]);
    expect(paths(spec({ type: 'single_choice', options, defaultValue: 'autre' }))).toEqual([
      'defaultValue',
    ]);
    expect(paths(spec({ type: 'date', defaultValue: '2023-02-29' }))).toEqual(['defaultValue']);
    expect(paths(spec({ type: 'yes_no', defaultValue: 'oui' }))).toEqual(['defaultValue']);
    expect(
      paths(spec({ type: 'multiple_choice', options, required: true, defaultValue: [] })),
    ).toEqual(['defaultValue']);
    expect(paths(spec({ type: 'short_text', required: true, defaultValue: ' ' }))).toEqual([
      'defaultValue',
    ]);
  });

  it('keeps confidential fields to circle intakes', () => {
    for (const entity of CUSTOM_FIELD_ENTITIES) {
      const issues = specIssues(spec({ type: 'long_text', confidential: true }), entity);
      expect(issues.map((i) => i.message)).toEqual(
        entity === 'circle_intake'
          ? []
          : ['Seul un champ de l’accueil en cercle peut être confidentiel.'],
      );
    }
  });
});

describe('customFieldInput and customFieldPatch', () => {
  it('an input is a spec with its entity and scope, checked as a whole', () => {
    const ok = customFieldInput.parse({
      key: 'public',
      labelFr: ' Public accueilli ',
      type: 'single_choice',
      options,
      entity: 'event',
    });
    expect(ok.centreId).toBeNull();
    expect(ok.labelFr).toBe('Public accueilli');
    expect(ok.options[0]).toEqual({ key: 'jeunes', labelFr: 'Jeunes', labelEn: '' });
    const bad = customFieldInput.safeParse({
      key: 'public',
      labelFr: 'Public',
      type: 'number',
      min: 3,
      max: 1,
      entity: 'booking',
      confidential: true,
      centreId: '0197e2a4-6c3b-7000-8000-000000000001',
    });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['max', 'Le maximum est inférieur au minimum.'],
      ['confidential', 'Seul un champ de l’accueil en cercle peut être confidentiel.'],
    ]);
    expect(customFieldInput.safeParse({ key: 'a', labelFr: 'A', type: 'date' }).success).toBe(
      false,
    );
  });

  it('a patch changes anything but the key, says on which version, and is not empty', () => {
    expect(customFieldPatch.parse({ version: 3, required: true })).toEqual({
      version: 3,
      required: true,
    });
    expect(customFieldPatch.parse({ version: 1, min: null, defaultValue: null })).toEqual({
      version: 1,
      min: null,
      defaultValue: null,
    });
    expect(customFieldPatch.safeParse({ version: 2 }).error?.issues[0]?.message).toBe(
      'Rien à modifier.',
    );
    expect(customFieldPatch.safeParse({ required: true }).success).toBe(false);
    expect(customFieldPatch.safeParse({ version: 0, required: true }).success).toBe(false);
    // The key never changes: an unknown property is dropped, and then there is nothing left.
    expect(customFieldPatch.safeParse({ version: 2, key: 'autre' }).success).toBe(false);
  });

  it('the read model carries its id, scope, place and version', () => {
    const def = customFieldDefinition.parse({
      ...spec({ type: 'yes_no' }),
      id: '0197e2a4-6c3b-7000-8000-000000000001',
      entity: 'booking',
      centreId: null,
      position: 0,
      version: 1,
      retiredAt: null,
      createdAt: '2026-12-06T10:00:00Z',
      updatedAt: '2026-12-06T10:00:00Z',
    });
    expect(def.entity).toBe('booking');
  });

  it('labels in English fall back to French', () => {
    expect(customFieldLabel({ labelFr: 'Public', labelEn: 'Audience' }, 'en')).toBe('Audience');
    expect(customFieldLabel({ labelFr: 'Public', labelEn: ' ' }, 'en')).toBe('Public');
    expect(customFieldLabel({ labelFr: 'Public', labelEn: 'Audience' }, 'fr')).toBe('Public');
  });
});

describe('applicableDefinitions', () => {
  const centres = ['c1', 'c2', 'c3'];
  const def = fc.record({
    id: fc.uuid(),
    entity: fc.constantFrom(...CUSTOM_FIELD_ENTITIES),
    centreId: fc.option(fc.constantFrom(...centres), { nil: null }),
    retiredAt: fc.option(fc.constant('2026-01-01T00:00:00Z'), { nil: null }),
    position: fc.integer({ min: 0, max: 5 }),
    createdAt: fc
      .date({ min: new Date('2025-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  });

  it('never gives a retired field, another entity’s or another centre’s (property)', () => {
    fc.assert(
      fc.property(
        fc.array(def, { maxLength: 30 }),
        fc.constantFrom(...CUSTOM_FIELD_ENTITIES),
        fc.option(fc.constantFrom(...centres), { nil: null }),
        (defs, entity, centreId) => {
          const applied = applicableDefinitions(defs, { entity, centreId });
          for (const d of applied) {
            expect(d.retiredAt).toBeNull();
            expect(d.entity).toBe(entity);
            expect(d.centreId === null || d.centreId === centreId).toBe(true);
          }
          const expected = defs.filter(
            (d) =>
              d.entity === entity &&
              d.retiredAt === null &&
              (d.centreId === null || d.centreId === centreId),
          );
          expect(new Set(applied)).toEqual(new Set(expected));
          expect(applied).toHaveLength(expected.length);
          for (let i = 1; i < applied.length; i++) {
            const [a, b] = [applied[i - 1], applied[i]];
            if (!a || !b) continue;
            expect(
              a.position < b.position || (a.position === b.position && a.createdAt <= b.createdAt),
            ).toBe(true);
          }
        },
      ),
    );
  });

  it('orders network and centre fields together by position then creation', () => {
    const base = { entity: 'event' as const, retiredAt: null };
    const defs = [
      { ...base, id: 'late', centreId: 'c1', position: 1, createdAt: '2026-02-01T00:00:00Z' },
      { ...base, id: 'net', centreId: null, position: 1, createdAt: '2026-01-01T00:00:00Z' },
      { ...base, id: 'first', centreId: 'c1', position: 0, createdAt: '2026-03-01T00:00:00Z' },
      { ...base, id: 'other', centreId: 'c2', position: 0, createdAt: '2026-01-01T00:00:00Z' },
      {
        ...base,
        id: 'gone',
        centreId: null,
        position: 0,
        retiredAt: '2026-04-01T00:00:00Z',
        createdAt: '2026-01-01T00:00:00Z',
      },
    ];
    expect(
      applicableDefinitions(defs, { entity: 'event', centreId: 'c1' }).map((d) => d.id),
    ).toEqual(['first', 'net', 'late']);
    expect(
      applicableDefinitions(defs, { entity: 'event', centreId: null }).map((d) => d.id),
    ).toEqual(['net']);
    const dated = defs.map((d) => ({ ...d, createdAt: new Date(d.createdAt) }));
    expect(
      applicableDefinitions(dated, { entity: 'event', centreId: 'c1' }).map((d) => d.id),
    ).toEqual(['first', 'net', 'late']);
  });
});

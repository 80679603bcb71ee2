import { describe, expect, it } from 'vitest';
import { effectiveBookableHours, resource, resourceInput, resourceListQuery } from './resource.ts';

const valid = {
  centreId: '6f1c1f55-1c1e-4a36-9a55-2f0cbbd3c001',
  kind: 'room',
  name: 'Salle Kaz',
  capacity: 12,
  amenities: ['vidéoprojecteur', 'cuisine', 'vidéoprojecteur'],
  stepFree: true,
  tariff: { hourlyCents: { member: 500, qpv_resident: 0, association: 800, company: 2500 } },
};

const byField = (issues: readonly { path: PropertyKey[]; message: string }[] = []) =>
  Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));

describe('resource input', () => {
  it('fills in the defaults: centre hours, 30 min to 8 h, no buffer, no approval', () => {
    expect(resourceInput.parse(valid)).toMatchObject({
      description: null,
      amenities: ['vidéoprojecteur', 'cuisine'],
      bookableHours: null,
      minDurationMinutes: 30,
      maxDurationMinutes: 480,
      bufferMinutes: 0,
      requiresApproval: false,
      tariff: { flatFeeCents: 0 },
    });
  });

  it('accepts its own bookable hours, checked like a centre’s opening hours', () => {
    const hours = [{ weekday: 6, opens: '09:00', closes: '13:00' }];
    expect(resourceInput.parse({ ...valid, bookableHours: hours }).bookableHours).toEqual(hours);
    const clash = resourceInput.safeParse({
      ...valid,
      bookableHours: [...hours, { weekday: 6, opens: '12:00', closes: '14:00' }],
    });
    expect(clash.error?.issues[0]?.message).toMatch(/se chevauchent/);
  });

  it('refuses bad limits with French messages on the fields', () => {
    const result = resourceInput.safeParse({
      ...valid,
      kind: 'Salle !',
      capacity: 0,
      minDurationMinutes: 32,
      maxDurationMinutes: 2000,
      bufferMinutes: 300,
    });
    const fields = byField(result.error?.issues);
    // Any key of the editable list passes here; the API checks it is an active item.
    expect(fields.kind).toMatch(/Type de ressource inconnu/);
    expect(fields.capacity).toMatch(/au moins 1 personne/);
    expect(fields.minDurationMinutes).toMatch(/multiple de 5 minutes/);
    expect(fields.maxDurationMinutes).toMatch(/24 heures au plus/);
    expect(fields.bufferMinutes).toMatch(/4 heures au plus/);
  });

  it('refuses a maximum below the minimum', () => {
    const result = resourceInput.safeParse({
      ...valid,
      minDurationMinutes: 120,
      maxDurationMinutes: 60,
    });
    expect(byField(result.error?.issues).maxDurationMinutes).toMatch(
      /inférieure à la durée minimale/,
    );
  });
});

describe('resource', () => {
  it('falls back on the centre’s opening hours when it has none of its own', () => {
    const centreHours = [{ weekday: 1, opens: '08:00', closes: '12:00' }];
    const parsed = resource.parse({
      ...resourceInput.parse(valid),
      id: '6f1c1f55-1c1e-4a36-9a55-2f0cbbd3c002',
      active: true,
    });
    expect(effectiveBookableHours(parsed, centreHours)).toBe(centreHours);
    const own = [{ weekday: 2, opens: '14:00', closes: '18:00' }];
    expect(effectiveBookableHours({ bookableHours: own }, centreHours)).toBe(own);
  });

  it('list query coerces URL strings', () => {
    expect(
      resourceListQuery.parse({ kind: 'desk', stepFree: 'true', minCapacity: '4' }),
    ).toMatchObject({ kind: 'desk', stepFree: true, minCapacity: 4, page: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { centreInput, centreListQuery } from './centre.ts';
import { isIanaTimeZone } from './time-zone.ts';

const valid = {
  slug: 'kourou',
  name: 'Centre de Kourou',
  commune: 'Kourou',
  qpv: null,
  address: { street: '7 avenue des Roches', postalCode: '97310', city: 'Kourou' },
  openingHours: [{ weekday: 1, opens: '08:00', closes: '12:00' }],
};

describe('centre input', () => {
  it('defaults the time zone to French Guiana', () => {
    expect(centreInput.parse(valid).timeZone).toBe('America/Cayenne');
  });

  it('refuses an unknown time zone and a bad postal code, with French messages on the fields', () => {
    const result = centreInput.safeParse({
      ...valid,
      timeZone: 'Guyane/Kourou',
      address: { ...valid.address, postalCode: '973' },
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(
      result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [],
    );
    expect(byField.timeZone).toMatch(/Fuseau horaire inconnu/);
    expect(byField['address.postalCode']).toMatch(/Code postal/);
  });

  it('knows IANA zones only', () => {
    expect(isIanaTimeZone('America/Cayenne')).toBe(true);
    expect(isIanaTimeZone('Europe/Paris')).toBe(true);
    expect(isIanaTimeZone('CET')).toBe(false);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('centre list query', () => {
  it('coerces URL strings and applies defaults', () => {
    expect(centreListQuery.parse({ page: '2', inQpv: 'false' })).toMatchObject({
      page: 2,
      pageSize: 20,
      inQpv: false,
      sort: 'name',
      order: 'asc',
    });
  });

  it('refuses a page size over the maximum', () => {
    expect(centreListQuery.safeParse({ pageSize: '500' }).success).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditListQuery,
  PASSWORD_MIN_LENGTH,
  password,
  tokenInput,
  userInvite,
  userListQuery,
  userUpdate,
} from './user.ts';

const KOUROU = '3f2b8c1e-5d4a-4b7e-9c21-0a6f4e8d2b17';
const managerOfKourou = { role: 'manager', centreId: KOUROU };

/** The messages of a failed parse, by field path. */
function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message] as const);
}

describe('user invite', () => {
  const valid = { email: 'ana.lima@example.fr', name: 'Ana Lima', roles: [managerOfKourou] };

  it('accepts an invitation with a role in a centre', () => {
    expect(userInvite.parse(valid)).toEqual(valid);
  });

  it('normalises the e-mail address: surrounding spaces trimmed, lower case', () => {
    expect(userInvite.parse({ ...valid, email: 'Ana.Lima@Example.FR' }).email).toBe(
      'ana.lima@example.fr',
    );
    expect(userInvite.parse({ ...valid, email: '  Ana.Lima@Example.FR \t' }).email).toBe(
      'ana.lima@example.fr',
    );
  });

  it('normalises any address built of simple parts, whatever its case and surrounding spaces', () => {
    const lower = 'abcdefghijklmnopqrstuvwxyz';
    const word = (min: number) =>
      fc.string({ unit: fc.constantFrom(...lower), minLength: min, maxLength: 12 });
    const caseMask = fc.array(fc.boolean(), { minLength: 40, maxLength: 40 });
    const space = fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), maxLength: 3 });
    fc.assert(
      fc.property(
        word(1),
        word(1),
        word(2),
        caseMask,
        space,
        space,
        (local, domain, tld, mask, before, after) => {
          const address = `${local}@${domain}.${tld}`;
          // Upper-case the letters the mask picks, by hand.
          const mixed = [...address]
            .map((ch, i) => (mask[i % mask.length] ? ch.toUpperCase() : ch))
            .join('');
          const parsed = userInvite.parse({ ...valid, email: `${before}${mixed}${after}` });
          expect(parsed.email).toBe(address);
        },
      ),
    );
  });

  it('refuses what is not an e-mail address, in French', () => {
    for (const email of ['ana', 'ana@', '@example.fr', 'ana lima@example.fr', '']) {
      expect(messages(userInvite.safeParse({ ...valid, email }))).toEqual([
        ['email', 'Adresse e-mail invalide.'],
      ]);
    }
  });

  it('accepts an address of 254 characters, not 255', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.fr`;
    expect(longest.length).toBe(254);
    expect(userInvite.safeParse({ ...valid, email: longest }).success).toBe(true);
    const tooLong = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.fr`;
    expect(tooLong.length).toBe(255);
    expect(userInvite.safeParse({ ...valid, email: tooLong }).success).toBe(false);
  });

  it('needs a name of at least 2 characters once trimmed', () => {
    expect(userInvite.parse({ ...valid, name: '  Ana  ' }).name).toBe('Ana');
    expect(messages(userInvite.safeParse({ ...valid, name: ' A ' }))).toEqual([
      ['name', 'Le nom compte au moins 2 caractères.'],
    ]);
  });

  it('needs at least one role, valid and without duplicates', () => {
    expect(messages(userInvite.safeParse({ ...valid, roles: [] }))).toEqual([
      ['roles', 'Donnez au moins un rôle.'],
    ]);
    expect(
      userInvite.safeParse({ ...valid, roles: [managerOfKourou, managerOfKourou] }).success,
    ).toBe(false);
    expect(
      messages(userInvite.safeParse({ ...valid, roles: [{ role: 'staff', centreId: null }] })),
    ).toEqual([['roles.0.centreId', 'Le rôle staff s’exerce dans un centre : choisissez-le.']]);
  });
});

describe('password', () => {
  it('is at least 10 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(password.safeParse('a'.repeat(10)).success).toBe(true);
    expect(messages(password.safeParse('a'.repeat(9)))).toEqual([
      ['', 'Le mot de passe compte au moins 10 caractères.'],
    ]);
    expect(messages(password.safeParse(''))).toEqual([
      ['', 'Le mot de passe compte au moins 10 caractères.'],
    ]);
  });

  it('is at most 128 characters', () => {
    expect(password.safeParse('a'.repeat(128)).success).toBe(true);
    expect(messages(password.safeParse('a'.repeat(129)))).toEqual([
      ['', 'Le mot de passe compte au plus 128 caractères.'],
    ]);
  });

  it('accepts any passphrase exactly when its length is between 10 and 128', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ019 !é-_'), maxLength: 200 });
    fc.assert(
      fc.property(ascii, (p) => {
        expect(password.safeParse(p).success).toBe(p.length >= 10 && p.length <= 128);
      }),
    );
  });

  it('keeps the passphrase as typed (no trimming, no case change)', () => {
    expect(password.parse('  Mot de Passe long  ')).toBe('  Mot de Passe long  ');
  });
});

describe('user update', () => {
  it('refuses an empty patch', () => {
    expect(messages(userUpdate.safeParse({}))).toEqual([['', 'Rien à modifier.']]);
    expect(messages(userUpdate.safeParse({ name: undefined }))).toEqual([['', 'Rien à modifier.']]);
  });

  it('accepts a patch of one field', () => {
    expect(userUpdate.parse({ active: false })).toEqual({ active: false });
    expect(userUpdate.parse({ name: ' Ana ' })).toEqual({ name: 'Ana' });
    expect(userUpdate.parse({ roles: [managerOfKourou] })).toEqual({ roles: [managerOfKourou] });
  });

  it('refuses taking every role away', () => {
    expect(messages(userUpdate.safeParse({ roles: [] }))).toEqual([
      ['roles', 'Donnez au moins un rôle.'],
    ]);
  });
});

describe('user list query', () => {
  it('reads active from the URL as a boolean and applies page defaults', () => {
    expect(userListQuery.parse({ active: 'true' })).toMatchObject({
      active: true,
      page: 1,
      pageSize: 20,
    });
    expect(userListQuery.parse({ active: 'false' }).active).toBe(false);
    expect(userListQuery.parse({}).active).toBeUndefined();
  });

  it('refuses other values and a bad centre id, in French', () => {
    expect(messages(userListQuery.safeParse({ active: 'yes' }))).toEqual([
      ['active', 'Valeur attendue : true ou false.'],
    ]);
    expect(messages(userListQuery.safeParse({ centreId: 'kourou' }))).toEqual([
      ['centreId', 'Identifiant de centre invalide.'],
    ]);
  });
});

describe('token input', () => {
  it('defaults to a read-only token that expires in 90 days', () => {
    expect(tokenInput.parse({ name: 'Tableur du CA' })).toEqual({
      name: 'Tableur du CA',
      readOnly: true,
      expiresInDays: 90,
    });
  });

  it('keeps explicit choices, never-expiring included', () => {
    expect(tokenInput.parse({ name: 'Import', readOnly: false, expiresInDays: null })).toEqual({
      name: 'Import',
      readOnly: false,
      expiresInDays: null,
    });
    expect(tokenInput.parse({ name: 'Import', expiresInDays: 730 }).expiresInDays).toBe(730);
    expect(tokenInput.parse({ name: 'Import', expiresInDays: 1 }).expiresInDays).toBe(1);
  });

  it('refuses a lifetime outside 1–730 whole days', () => {
    for (const expiresInDays of [0, -1, 731, 1.5]) {
      expect(tokenInput.safeParse({ name: 'Import', expiresInDays }).success).toBe(false);
    }
  });

  it('needs a name of at least 2 characters', () => {
    expect(messages(tokenInput.safeParse({ name: ' x ' }))).toEqual([
      ['name', 'Nommez le jeton (au moins 2 caractères).'],
    ]);
  });
});

describe('audit list query', () => {
  it('accepts ISO 8601 date-times, in UTC or with an offset', () => {
    expect(
      auditListQuery.parse({ from: '2026-11-23T08:00:00Z', to: '2026-11-23T18:00:00-03:00' }),
    ).toMatchObject({
      from: '2026-11-23T08:00:00Z',
      to: '2026-11-23T18:00:00-03:00',
      page: 1,
      pageSize: 20,
    });
  });

  it('refuses dates that are not ISO 8601 date-times, in French', () => {
    for (const bad of [
      '2026-11-23',
      '23/11/2026 08:00',
      'yesterday',
      '2026-11-23 08:00:00',
      '2026-13-01T00:00:00Z',
    ]) {
      expect(messages(auditListQuery.safeParse({ from: bad }))).toEqual([
        ['from', 'Date-heure ISO 8601 attendue.'],
      ]);
      expect(messages(auditListQuery.safeParse({ to: bad }))).toEqual([
        ['to', 'Date-heure ISO 8601 attendue.'],
      ]);
    }
  });

  it('refuses an actor id that is not a UUID', () => {
    expect(messages(auditListQuery.safeParse({ actorId: 'ana' }))).toEqual([
      ['actorId', 'Identifiant invalide.'],
    ]);
  });
});

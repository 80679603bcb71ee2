import { type Me, roles } from '@lakou/domain/identity';
import { describe, expect, it } from 'vitest';
import fr from '../i18n/shell.fr.json';
import {
  actorOf,
  assignmentLabel,
  initials,
  roleOrder,
  safeRedirect,
  sortAssignments,
} from './actor.ts';

const VC = '11111111-1111-4111-8111-111111111111';
const ML = '22222222-2222-4222-8222-222222222222';
const names: Record<string, string> = { [VC]: 'Village Chinois', [ML]: 'Mont-Lucas' };
const centreName = (id: string) => names[id] ?? id;
const roleLabel = (role: keyof typeof fr.roles) => fr.roles[role];

describe('role labels', () => {
  it('name every role of the domain, in French as the network says them', () => {
    expect([...roleOrder].sort()).toEqual([...roles].sort());
    expect(fr.roles).toEqual({
      admin: 'Administration du réseau',
      manager: 'Responsable de centre',
      staff: "Équipe d'accueil",
      facilitator: 'Facilitation',
      board: "Conseil d'administration",
    });
  });

  it('add the centre to centre roles only', () => {
    expect(assignmentLabel({ role: 'manager', centreId: VC }, roleLabel, centreName)).toBe(
      'Responsable de centre — Village Chinois',
    );
    expect(assignmentLabel({ role: 'board', centreId: null }, roleLabel, centreName)).toBe(
      "Conseil d'administration",
    );
  });

  it('list network roles first, then centre roles by centre name', () => {
    const sorted = sortAssignments(
      [
        { role: 'staff', centreId: VC },
        { role: 'manager', centreId: VC },
        { role: 'manager', centreId: ML },
        { role: 'admin', centreId: null },
      ],
      centreName,
    );
    expect(sorted.map((a) => assignmentLabel(a, roleLabel, centreName))).toEqual([
      'Administration du réseau',
      'Responsable de centre — Mont-Lucas',
      'Responsable de centre — Village Chinois',
      "Équipe d'accueil — Village Chinois",
    ]);
  });
});

describe('actorOf', () => {
  it('is null for a visitor and carries roles and read-only for a user', () => {
    expect(actorOf(null)).toBeNull();
    expect(actorOf(undefined)).toBeNull();
    const me: Me = {
      id: '33333333-3333-4333-8333-333333333333',
      email: 'gestion@lakou.test',
      name: 'Gestion',
      roles: [{ role: 'manager', centreId: VC }],
      via: 'token',
      readOnly: true,
    };
    expect(actorOf(me)).toEqual({
      userId: me.id,
      assignments: [{ role: 'manager', centreId: VC }],
      readOnly: true,
    });
  });
});

describe('safeRedirect', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeRedirect('/admin/users')).toBe('/admin/users');
    expect(safeRedirect('/admin/users?page=2&q=ana')).toBe('/admin/users?page=2&q=ana');
    expect(safeRedirect('/centres/abc#hours')).toBe('/centres/abc#hours');
    expect(safeRedirect('/')).toBe('/');
  });

  it('sends anything else home', () => {
    for (const value of [
      undefined,
      null,
      42,
      '',
      'admin/users',
      'https://evil.example/phish',
      '//evil.example/phish',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      ' /admin',
      `/${'a'.repeat(2100)}`,
    ]) {
      expect(safeRedirect(value), String(value)).toBe('/');
    }
  });

  it('never leads back to a sign-in page', () => {
    expect(safeRedirect('/sign-in')).toBe('/');
    expect(safeRedirect('/sign-in?redirect=/account')).toBe('/');
    expect(safeRedirect('/reset-password?token=x')).toBe('/');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeRedirect('/a/../../account')).toBe('/account');
    expect(safeRedirect('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

describe('initials', () => {
  it('take the first and last names', () => {
    expect(initials('Aline Administratrice')).toBe('AA');
    expect(initials('  Jean-Marc de la Cruz ')).toBe('JC');
    expect(initials('Émeline')).toBe('É');
    expect(initials('')).toBe('');
  });
});

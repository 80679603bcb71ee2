import { describe, expect, it } from 'vitest';
import {
  type ConfigFile,
  type ConfigSnapshot,
  canonicalSnapshot,
  configConflicts,
  configDiff,
  describeDiff,
  diffIsEmpty,
  jsonPath,
  parseConfigFile,
} from './file.ts';

const centre = {
  slug: 'kourou',
  name: 'Centre de Kourou',
  commune: 'Kourou',
  qpv: null,
  address: { street: '7 avenue des Roches', postalCode: '97310', city: 'Kourou' },
  openingHours: [
    { weekday: 2, opens: '08:00', closes: '12:00' },
    { weekday: 1, opens: '14:00', closes: '18:00' },
    { weekday: 1, opens: '08:00', closes: '12:00' },
  ],
  closures: [{ startsOn: '2026-12-24', endsOn: '2027-01-02', reason: 'Fêtes' }],
};

const raw = {
  format: 'lakou-config',
  version: 1,
  exportedAt: '2026-12-06T19:00:00.000Z',
  organisation: { slug: 'reseau-test', name: 'Réseau test' },
  centres: [centre],
  customFields: [
    {
      entity: 'event',
      centre: 'kourou',
      key: 'public_accueilli',
      labelFr: 'Public accueilli',
      type: 'single_choice',
      required: true,
      options: [
        { key: 'jeunes', labelFr: 'Jeunes' },
        { key: 'seniors', labelFr: 'Seniors' },
      ],
    },
    { entity: 'booking', key: 'nb_chaises', labelFr: 'Chaises', type: 'number', min: 0, max: 200 },
    { entity: 'donation', key: 'campagne', labelFr: 'Campagne', type: 'short_text', retired: true },
  ],
  resources: [
    {
      centre: 'kourou',
      kind: 'room',
      name: 'Salle polyvalente',
      capacity: 40,
      amenities: ['vidéoprojecteur', 'cuisine', 'cuisine'],
      tariff: { hourlyCents: { member: 0, qpv_resident: 0, association: 500, company: 2500 } },
    },
  ],
  lists: {
    eventKinds: [{ key: 'atelier', label: 'Atelier' }],
    materialStreams: [{ code: 'textiles', name: 'Textiles', family: 'textiles' }],
  },
};

function parse(input: unknown = raw): ConfigFile {
  const result = parseConfigFile(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.file;
}

function snapshotOf(file: ConfigFile): ConfigSnapshot {
  return canonicalSnapshot({
    organisation: file.organisation,
    centres: file.centres,
    customFields: file.customFields ?? [],
    resources: file.resources ?? [],
    lists: file.lists,
  });
}

const empty: ConfigSnapshot = {
  organisation: null,
  centres: [],
  customFields: [],
  resources: [],
  lists: {},
};

describe('config file schema', () => {
  it('reads a file and fills the defaults of every part', () => {
    const file = parse();
    expect(file.centres[0]?.timeZone).toBe('America/Cayenne');
    expect(file.customFields?.[1]).toMatchObject({ centre: null, position: 0, retired: false });
    expect(file.customFields?.[0]?.options[0]).toEqual({
      key: 'jeunes',
      labelFr: 'Jeunes',
      labelEn: '',
    });
    expect(file.lists.materialStreams?.[0]).toMatchObject({ active: true, sortOrder: 100 });
    expect(file.resources?.[0]).toMatchObject({
      centre: 'kourou',
      amenities: ['vidéoprojecteur', 'cuisine'],
      bookableHours: null,
      active: true,
      tariff: { flatFeeCents: 0 },
    });
    expect(file.resources?.[0]).not.toHaveProperty('centreId');
  });

  it('refuses a bad key, an unknown entity and a choice field without options, with JSON paths', () => {
    const result = parseConfigFile({
      ...raw,
      customFields: [
        { entity: 'event', key: 'Mauvaise clé', labelFr: 'X', type: 'short_text' },
        { entity: 'vehicle', key: 'immat', labelFr: 'Immatriculation', type: 'short_text' },
        { entity: 'event', key: 'public', labelFr: 'Public', type: 'multiple_choice' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain('customFields[0].key');
    expect(paths).toContain('customFields[1].entity');
    expect(paths).toContain('customFields[2].options');
    for (const issue of result.issues) expect(issue.message).not.toMatch(/^Invalid/);
  });

  it('refuses another format, a centre-scoped gift field and unknown keys', () => {
    const result = parseConfigFile({
      ...raw,
      format: 'autre',
      customFields: [
        { entity: 'donation', centre: 'kourou', key: 'b', labelFr: 'B', type: 'yes_no' },
        { entity: 'event', key: 'c', labelFr: 'C', type: 'yes_no', colour: 'red' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['format', 'customFields[0].centre', 'customFields[1]']),
    );
  });

  it('refuses duplicates and a field of a centre the file does not carry', () => {
    const result = parseConfigFile({
      ...raw,
      centres: [centre, centre],
      customFields: [
        { entity: 'event', centre: 'cayenne', key: 'a', labelFr: 'A', type: 'yes_no' },
        { entity: 'event', key: 'a', labelFr: 'A bis', type: 'yes_no' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'centres[1]',
      'customFields[1]',
      'customFields[0].centre',
    ]);
  });

  it('refuses a resource of a centre the file does not carry, and one named twice', () => {
    const resource = raw.resources[0];
    const result = parseConfigFile({
      ...raw,
      resources: [resource, resource, { ...resource, centre: 'cayenne', id: 'x' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'resources[2]',
      'resources[1]',
      'resources[2].centre',
    ]);
  });

  it('holds list items to the lists’ rules: fixed lists, items Lakou needs, item data', () => {
    const result = parseConfigFile({
      ...raw,
      lists: {
        audiences: [{ key: 'touristes', labelFr: 'Touristes' }],
        resourceKinds: [{ key: 'room', labelFr: 'Salle', retired: true }],
        tariffs: [
          { key: 'solidaire', labelFr: 'Solidaire', data: { tariff: { hourlyCents: {} } } },
        ],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain('lists.audiences[0].key');
    expect(paths).toContain('lists.resourceKinds[0].retired');
    expect(paths.some((p) => p.startsWith('lists.tariffs[0].data.tariff'))).toBe(true);
  });

  it('writes paths as people read them', () => {
    expect(jsonPath(['customFields', 3, 'options', '0', 'key'])).toBe(
      'customFields[3].options[0].key',
    );
    expect(jsonPath([])).toBe('(racine)');
  });
});

describe('canonical order', () => {
  it('sorts windows, closures, fields and lists so two exports are the same text', () => {
    const file = parse();
    const a = snapshotOf(file);
    const b = snapshotOf({
      ...file,
      centres: file.centres.map((c) => ({ ...c, openingHours: [...c.openingHours].reverse() })),
      customFields: [...(file.customFields ?? [])].reverse(),
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.centres[0]?.openingHours.map((w) => `${w.weekday} ${w.opens}`)).toEqual([
      '1 08:00',
      '1 14:00',
      '2 08:00',
    ]);
    expect(a.customFields.map((f) => `${f.entity}.${f.key}`)).toEqual([
      'booking.nb_chaises',
      'event.public_accueilli',
      'donation.campagne',
    ]);
  });
});

describe('configDiff', () => {
  it('adds everything to an empty database', () => {
    const changes = configDiff(empty, parse());
    expect(changes.map((c) => `${c.op} ${c.target} ${c.key}`)).toEqual([
      'add organisation reseau-test',
      'add centre kourou',
      'add customField booking.nb_chaises',
      'add customField event.public_accueilli',
      'add customField donation.campagne',
      'add resource kourou/Salle polyvalente',
      'add eventKind atelier',
      'add materialStream textiles',
    ]);
    const text = describeDiff(changes);
    expect(text).toContain('+ Centre « Centre de Kourou » (kourou) : ajout');
    expect(text).toContain('Bilan : 8 ajout(s), 0 modification(s), 0 retrait(s)');
  });

  it('is empty when the database already holds the file', () => {
    const file = parse();
    const current = snapshotOf(file);
    // jsonb hands objects back with their keys in its own order: still the same value.
    current.resources = current.resources.map(({ tariff, ...r }) => ({
      ...r,
      tariff: { flatFeeCents: tariff.flatFeeCents, hourlyCents: tariff.hourlyCents },
    }));
    const changes = configDiff(current, file);
    expect(diffIsEmpty(changes)).toBe(true);
    expect(describeDiff(changes)).toContain('Aucun changement');
  });

  it('changes, retires and restores by key; leaves out what the file does not carry', () => {
    const file = parse();
    const current = snapshotOf(file);
    current.centres.push({ ...current.centres[0], slug: 'autre' } as ConfigSnapshot['centres'][0]);
    current.customFields.push({
      ...current.customFields[0],
      key: 'ancien',
      retired: false,
    } as ConfigSnapshot['customFields'][0]);
    const incoming: ConfigFile = {
      ...file,
      centres: file.centres.map((c) => ({ ...c, name: 'Centre SECCOIA de Kourou' })),
      customFields: (file.customFields ?? []).map((f) =>
        f.key === 'nb_chaises'
          ? { ...f, retired: true }
          : f.key === 'campagne'
            ? { ...f, retired: false }
            : f,
      ),
      resources: [],
      lists: { eventKinds: [] },
    };
    const changes = configDiff(current, incoming);
    const lines = changes
      .filter((c) => c.op !== 'keep')
      .map((c) => `${c.op} ${c.target} ${c.key}${c.fields ? ` ${c.fields.join(',')}` : ''}`);
    expect(lines).toEqual([
      'change centre kourou name',
      'retire customField booking.nb_chaises retired',
      'change customField donation.campagne retired',
      'retire customField booking.ancien',
      'retire resource kourou/Salle polyvalente',
      'retire eventKind atelier',
    ]);
    expect(describeDiff(changes)).toContain(
      '~ Centre « Centre SECCOIA de Kourou » (kourou) : modifié (nom)',
    );
  });

  it('keeps the identity of an installed network and reports a scope change as a conflict', () => {
    const file = parse();
    const current = snapshotOf(file);
    current.organisation = { slug: 'seccoia-guyane', name: 'SECCOIA-Guyane' };
    const incoming: ConfigFile = {
      ...file,
      customFields: (file.customFields ?? []).map((f) =>
        f.key === 'public_accueilli' ? { ...f, centre: null } : f,
      ),
    };
    const changes = configDiff(current, incoming);
    expect(changes[0]).toMatchObject({ op: 'keep', target: 'organisation', key: 'seccoia-guyane' });
    expect(describeDiff(changes)).toContain('conservé');
    const conflicts = configConflicts(changes);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.message).toContain('tout le réseau');
  });

  it('leaves merges to the list editor and keeps the items Lakou needs', () => {
    const file = parse({
      ...raw,
      lists: {
        eventKinds: [{ key: 'atelier', label: 'Atelier' }],
        resourceKinds: [
          { key: 'room', labelFr: 'Salle' },
          { key: 'salle', labelFr: 'Salle bis' },
        ],
      },
    });
    const current = snapshotOf(file);
    const incoming: ConfigFile = {
      ...file,
      lists: {
        eventKinds: [
          {
            key: 'atelier',
            label: 'Atelier',
            labelEn: '',
            position: 0,
            active: false,
            mergedInto: 'formation',
          },
        ],
        resourceKinds: [
          {
            key: 'salle',
            labelFr: 'Salle bis',
            labelEn: '',
            position: 0,
            data: {},
            retired: false,
            mergedInto: null,
          },
        ],
      },
    };
    const conflicts = configConflicts(configDiff(current, incoming));
    expect(conflicts.map((c) => c.path)).toEqual([
      'lists.eventKinds(atelier).mergedInto',
      'lists.resourceKinds(room)',
    ]);
  });
});

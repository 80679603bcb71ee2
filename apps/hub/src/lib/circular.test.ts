import type { StreamStock } from '@lakou/domain/circular';
import { describe, expect, it } from 'vitest';
import {
  defaultEntryCentre,
  formatDay,
  formatKg,
  formatMass,
  formatRate,
  formatT,
  isInverted,
  keptOperation,
  LAST_STREAM_KEY,
  operationsFor,
  recallStream,
  registerUrl,
  rememberStream,
  type StreamStorage,
  stockByCentre,
  type TreatmentOperationView,
  typedKilograms,
  wasteCodeLabel,
  yearStart,
} from './circular.ts';

/** Narrow no-break spaces and no-break spaces read as plain spaces, to compare with text. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function memoryStorage(initial: Record<string, string> = {}): StreamStorage & {
  data: Record<string, string>;
} {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

describe('masses and rates', () => {
  it('writes kilograms and tonnes the French way', () => {
    expect(plain(formatKg(12_500, 'fr-FR'))).toBe('12,5 kg');
    expect(plain(formatKg(1_250_000, 'fr-FR'))).toBe('1 250 kg');
    expect(plain(formatKg(1, 'fr-FR'))).toBe('0,001 kg');
    expect(plain(formatT(1_234_567, 'fr-FR'))).toBe('1,235 t');
    expect(plain(formatT(0, 'fr-FR'))).toBe('0,000 t');
    expect(formatKg(12_500, 'en-GB')).toBe('12.5 kg');
  });

  it('shows a stock in kilograms below a tonne and in tonnes from a tonne', () => {
    expect(plain(formatMass(999_999, 'fr-FR'))).toBe('999,999 kg');
    expect(plain(formatMass(1_000_000, 'fr-FR'))).toBe('1,000 t');
    expect(plain(formatMass(0, 'fr-FR'))).toBe('0 kg');
  });

  it('writes rates as percentages with one decimal, and nothing treated as a dash', () => {
    expect(plain(formatRate(0.7243, 'fr-FR'))).toBe('72,4 %');
    expect(plain(formatRate(1, 'fr-FR'))).toBe('100,0 %');
    expect(formatRate(0.5, 'en-GB')).toBe('50.0%');
    expect(formatRate(null, 'fr-FR')).toBe('—');
  });

  it('reads kilograms typed at the scale with a decimal comma', () => {
    expect(typedKilograms('12,5')).toBe(12_500);
    expect(typedKilograms(' 1 204,25 kg ')).toBe(1_204_250);
    expect(typedKilograms('0.5')).toBe(500);
    expect(typedKilograms('12,3456')).toBeNull();
    expect(typedKilograms('0')).toBeNull();
    expect(typedKilograms('-3')).toBeNull();
    expect(typedKilograms('douze')).toBeNull();
    expect(typedKilograms('')).toBeNull();
  });
});

describe('the stock board', () => {
  const stock = (
    centreId: string,
    centreName: string,
    streamId: string,
    streamName: string,
    stockGrams: number,
  ): StreamStock => ({
    centreId,
    centreName,
    streamId,
    streamCode: streamId,
    streamName,
    stockGrams,
    lastMovementOn: null,
  });

  it('groups by centre (by name), streams in their order, with totals and hazard', () => {
    const board = stockByCentre(
      [
        stock('k', 'Kourou', 'res', 'Déchets résiduels', 100),
        stock('k', 'Kourou', 'tex', 'Textiles', 2_000),
        stock('c', 'Cayenne', 'bat', 'Piles', 5),
      ],
      [
        { id: 'tex', hazardous: false, sortOrder: 10 },
        { id: 'bat', hazardous: true, sortOrder: 90 },
        { id: 'res', hazardous: false, sortOrder: 99 },
      ],
    );
    expect(board.map((c) => [c.centreName, c.totalGrams])).toEqual([
      ['Cayenne', 5],
      ['Kourou', 2_100],
    ]);
    expect(board[1]?.items.map((i) => i.streamId)).toEqual(['tex', 'res']);
    expect(board[0]?.items[0]?.hazardous).toBe(true);
  });

  it('puts a stream it does not know last, not hazardous', () => {
    const [centre] = stockByCentre(
      [stock('k', 'Kourou', 'x', 'Inconnu', 1), stock('k', 'Kourou', 'a', 'Textiles', 1)],
      [{ id: 'a', hazardous: false, sortOrder: 10 }],
    );
    expect(centre?.items.map((i) => [i.streamId, i.hazardous])).toEqual([
      ['a', false],
      ['x', false],
    ]);
  });
});

describe('operation codes by treatment', () => {
  const ops: TreatmentOperationView[] = [
    {
      code: 'R1',
      kind: 'recovery',
      description: 'énergie',
      treatments: ['energy_recovery'],
      intermediate: false,
    },
    {
      code: 'R3',
      kind: 'recovery',
      description: 'organique',
      treatments: ['recycling'],
      intermediate: false,
    },
    {
      code: 'R13',
      kind: 'recovery',
      description: 'stockage',
      treatments: ['recycling', 'energy_recovery'],
      intermediate: true,
    },
    {
      code: 'D10',
      kind: 'disposal',
      description: 'incinération',
      treatments: ['disposal'],
      intermediate: false,
    },
  ];

  it('lists only the codes a treatment allows, none for re-use', () => {
    expect(operationsFor(ops, 'recycling').map((o) => o.code)).toEqual(['R3', 'R13']);
    expect(operationsFor(ops, 'energy_recovery').map((o) => o.code)).toEqual(['R1', 'R13']);
    expect(operationsFor(ops, 'disposal').map((o) => o.code)).toEqual(['D10']);
    expect(operationsFor(ops, 'reuse')).toEqual([]);
  });

  it('keeps a code still allowed, picks the only one, else forgets', () => {
    expect(keptOperation(ops, 'energy_recovery', 'R13')).toBe('R13');
    expect(keptOperation(ops, 'energy_recovery', 'R3')).toBeNull();
    expect(keptOperation(ops, 'disposal', 'R3')).toBe('D10');
    expect(keptOperation(ops, 'reuse', 'R3')).toBeNull();
  });
});

describe('the stream last weighed', () => {
  const streams = [{ id: 's1' }, { id: 's2' }];

  it('is remembered per centre and recalled while the stream exists', () => {
    const storage = memoryStorage();
    rememberStream(storage, 'kourou', 's2');
    rememberStream(storage, 'cayenne', 's1');
    expect(recallStream(storage, 'kourou', streams)).toBe('s2');
    expect(recallStream(storage, 'cayenne', streams)).toBe('s1');
    expect(recallStream(storage, 'mana', streams)).toBeNull();
    expect(recallStream(storage, 'kourou', [{ id: 's1' }])).toBeNull();
    expect(JSON.parse(storage.data[LAST_STREAM_KEY] ?? '{}')).toEqual({
      kourou: 's2',
      cayenne: 's1',
    });
  });

  it('survives a broken or refused storage', () => {
    expect(recallStream(memoryStorage({ [LAST_STREAM_KEY]: '{oops' }), 'k', streams)).toBeNull();
    expect(recallStream(memoryStorage({ [LAST_STREAM_KEY]: '["s1"]' }), 'k', streams)).toBeNull();
    expect(recallStream(null, 'k', streams)).toBeNull();
    const refusing: StreamStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => rememberStream(refusing, 'k', 's1')).not.toThrow();
    expect(recallStream(refusing, 'k', streams)).toBeNull();
    // A broken memory is started again, not kept.
    const broken = memoryStorage({ [LAST_STREAM_KEY]: '{oops' });
    expect(() => rememberStream(broken, 'k', 's1')).not.toThrow();
  });
});

describe('small helpers', () => {
  it('starts the entry on the user’s own centre when they may write there', () => {
    const writable = [{ id: 'a' }, { id: 'b' }];
    expect(defaultEntryCentre([{ centreId: null }, { centreId: 'b' }], writable)).toBe('b');
    expect(defaultEntryCentre([{ centreId: 'z' }], writable)).toBeNull();
    expect(defaultEntryCentre([], [{ id: 'a' }])).toBe('a');
    expect(defaultEntryCentre(undefined, writable)).toBeNull();
  });

  it('dates, periods, register links and waste codes', () => {
    expect(yearStart('2026-11-23')).toBe('2026-01-01');
    expect(formatDay('2026-11-20', 'fr-FR')).toBe('20 nov. 2026');
    expect(formatDay('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(isInverted('2026-02-01', '2026-01-31')).toBe(true);
    expect(isInverted('2026-02-01', undefined)).toBe(false);
    expect(registerUrl('csv', { from: '2026-01-01', to: '2026-06-30' })).toBe(
      '/api/waste-register.csv?from=2026-01-01&to=2026-06-30',
    );
    expect(registerUrl('xlsx', { from: '2026-01-01', to: '2026-06-30', centreId: 'c 1' })).toBe(
      '/api/waste-register.xlsx?from=2026-01-01&to=2026-06-30&centreId=c+1',
    );
    expect(wasteCodeLabel('20 01 33', true)).toBe('20 01 33*');
    expect(wasteCodeLabel('20 01 10', false)).toBe('20 01 10');
    expect(wasteCodeLabel(null, false)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { REGISTER_COLUMNS, registerCells, registerLine } from './register.ts';

describe('the chronological waste register', () => {
  it('writes an incoming line with the code, its official wording and the producer side', () => {
    const line = registerLine({
      direction: 'in',
      occurredOn: '2026-11-02',
      centreName: 'Centre social du Village Chinois',
      streamName: 'Textiles et chaussures',
      wasteCode: '20 01 10',
      grams: 12_500,
      measurement: 'weighed',
      origin: 'drop_off',
    });
    expect(registerCells(line)).toEqual([
      '2026-11-02',
      'Entrée',
      'Centre social du Village Chinois',
      'Textiles et chaussures',
      '20 01 10',
      'vêtements',
      'non',
      '0,013',
      'Pesé',
      'Dépôt au centre',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(line.tonnes).toBe(0.013);
    expect(registerCells(line)).toHaveLength(REGISTER_COLUMNS.length);
  });

  it('writes an outgoing hazardous line with the facility, the treatment and the slip', () => {
    const line = registerLine({
      direction: 'out',
      occurredOn: '2026-11-20',
      centreName: 'Kourou',
      streamName: 'Piles et batteries',
      wasteCode: '20 01 33',
      grams: 1_234_567,
      measurement: 'estimated',
      facilityName: 'Guyane Recyclage',
      facilitySiret: '44321930100019',
      facilityAddress: 'ZI Collery, 97300 Cayenne',
      transporter: 'Transports Amazonie',
      treatment: 'recycling',
      operationCode: 'R4',
      trackingRef: 'BSD-20261120-ABC',
    });
    expect(line.wasteCode).toBe('20 01 33*');
    expect(line.hazardous).toBe('oui');
    expect(line.tonnesText).toBe('1,235');
    expect(line.operationCode).toBe('R4');
    expect(line.treatmentMode).toBe('Recyclage');
    expect(line.facilitySiret).toBe('44321930100019');
    expect(line.trackingRef).toBe('BSD-20261120-ABC');
    expect(line.origin).toBe('');
  });

  it('leaves the code cells empty for a stream without a waste code (bikes to re-use)', () => {
    const line = registerLine({
      direction: 'out',
      occurredOn: '2026-01-01',
      centreName: 'Mana',
      streamName: 'Vélos',
      wasteCode: null,
      grams: 15_000,
      measurement: 'weighed',
      facilityName: 'Mana',
      facilitySiret: null,
      facilityAddress: null,
      transporter: null,
      treatment: 'reuse',
      operationCode: null,
      trackingRef: null,
    });
    expect([line.wasteCode, line.wasteCodeDescription, line.hazardous, line.operationCode]).toEqual(
      ['', '', '', ''],
    );
    expect(line.treatmentMode).toBe('Réemploi');
  });
});

import { describe, expect, it } from 'vitest';
import { ratesData, ratesDraftOf } from './lists.ts';

describe('tariff template rates', () => {
  it('shows stored cents as euros with a decimal comma, empty as zero', () => {
    expect(
      ratesDraftOf(
        {
          tariff: {
            hourlyCents: { member: 500, qpv_resident: 0, association: 1250, company: 3000 },
            flatFeeCents: 1500,
          },
        },
        'fr-FR',
      ),
    ).toEqual({
      member: '5,00',
      qpv_resident: '0,00',
      association: '12,50',
      company: '30,00',
      flatFee: '15,00',
    });
    expect(ratesDraftOf(undefined, 'fr-FR').member).toBe('0,00');
  });

  it('reads euros typed with a comma or a dot back into cents; names what is not an amount', () => {
    expect(
      ratesData({
        member: '5,5',
        qpv_resident: '',
        association: '12.50',
        company: '30',
        flatFee: '0',
      }),
    ).toEqual({
      data: {
        tariff: {
          hourlyCents: { member: 550, qpv_resident: 0, association: 1250, company: 3000 },
          flatFeeCents: 0,
        },
      },
    });
    expect(
      ratesData({
        member: 'cinq',
        qpv_resident: '0',
        association: '0',
        company: '-2',
        flatFee: '0',
      }),
    ).toEqual({ invalid: expect.arrayContaining(['member', 'company']) });
  });
});

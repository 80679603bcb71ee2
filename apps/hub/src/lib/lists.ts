import type { payingAudiences, Tariff } from '@lakou/domain/booking/rules';
import { parseEuros } from '@lakou/domain/fund';

/*
 * Pure helpers of « Paramètres › Listes »: a tariff template's rates as typed in euros and back.
 * No React: unit-tested in Node.
 */

/** A tariff template's rates as typed: euros per paying audience, and the flat fee. */
export type RatesDraft = Record<(typeof payingAudiences)[number] | 'flatFee', string>;

export function ratesDraftOf(
  data: Record<string, unknown> | undefined,
  locale: string,
): RatesDraft {
  const tariff = (data as { tariff?: Tariff } | undefined)?.tariff;
  const euros = (cents: number | undefined) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 2, useGrouping: false }).format(
      (cents ?? 0) / 100,
    );
  return {
    member: euros(tariff?.hourlyCents.member),
    qpv_resident: euros(tariff?.hourlyCents.qpv_resident),
    association: euros(tariff?.hourlyCents.association),
    company: euros(tariff?.hourlyCents.company),
    flatFee: euros(tariff?.flatFeeCents),
  };
}

/** The template's `data`, or the fields that are not amounts. */
export function ratesData(
  draft: RatesDraft,
): { data: { tariff: Tariff } } | { invalid: (keyof RatesDraft)[] } {
  const cents = (text: string) => (text.trim() === '' ? 0 : parseEuros(text));
  const invalid = (Object.keys(draft) as (keyof RatesDraft)[]).filter((k) => {
    const c = cents(draft[k]);
    return c === null || c < 0;
  });
  if (invalid.length > 0) return { invalid };
  const c = (k: keyof RatesDraft) => cents(draft[k]) ?? 0;
  return {
    data: {
      tariff: {
        hourlyCents: {
          member: c('member'),
          qpv_resident: c('qpv_resident'),
          association: c('association'),
          company: c('company'),
        },
        flatFeeCents: c('flatFee'),
      },
    },
  };
}

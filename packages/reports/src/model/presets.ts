import { Temporal } from 'temporal-polyfill';

/**
 * Periods named relative to today, so a saved dashboard or a shared link stays current
 * (« cette année » is still this year next year). `today` is the network's calendar date.
 */
export const periodPresets = [
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
  'last_12_months',
] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  this_month: 'Ce mois-ci',
  last_month: 'Le mois dernier',
  this_quarter: 'Ce trimestre',
  last_quarter: 'Le trimestre dernier',
  this_year: 'Cette année',
  last_year: 'L’année dernière',
  last_12_months: 'Les 12 derniers mois',
};

export function resolvePreset(
  preset: PeriodPreset,
  today: string | Temporal.PlainDate,
): { from: string; to: string } {
  const d = typeof today === 'string' ? Temporal.PlainDate.from(today) : today;
  const monthStart = d.with({ day: 1 });
  const quarterStart = d.with({ month: Math.floor((d.month - 1) / 3) * 3 + 1, day: 1 });
  const yearStart = d.with({ month: 1, day: 1 });
  const range = (from: Temporal.PlainDate, to: Temporal.PlainDate) => ({
    from: from.toString(),
    to: to.toString(),
  });
  switch (preset) {
    case 'this_month':
      return range(monthStart, monthStart.add({ months: 1 }).subtract({ days: 1 }));
    case 'last_month':
      return range(monthStart.subtract({ months: 1 }), monthStart.subtract({ days: 1 }));
    case 'this_quarter':
      return range(quarterStart, quarterStart.add({ months: 3 }).subtract({ days: 1 }));
    case 'last_quarter':
      return range(quarterStart.subtract({ months: 3 }), quarterStart.subtract({ days: 1 }));
    case 'this_year':
      return range(yearStart, yearStart.add({ years: 1 }).subtract({ days: 1 }));
    case 'last_year':
      return range(yearStart.subtract({ years: 1 }), yearStart.subtract({ days: 1 }));
    case 'last_12_months':
      return range(
        monthStart.subtract({ months: 11 }),
        monthStart.add({ months: 1 }).subtract({ days: 1 }),
      );
  }
}

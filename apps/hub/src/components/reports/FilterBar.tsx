import type { ReportFilters } from '@lakou/reports/model';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { CheckboxButton, CheckboxField, CheckboxGroup, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { withCentres, withDates, withPeriod } from '../../lib/reports.ts';
import { type ReportsSearch, type UrlPeriod, urlPeriods } from '../../lib/reports-search.ts';

const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
const COMPARISONS = ['none', 'previous', 'last_year'] as const;

export interface FilterBarProps {
  search: ReportsSearch;
  filters: ReportFilters;
  period: UrlPeriod;
  /** The centres the reader may choose from (a manager's own, or the whole network). */
  centres: readonly { id: string; name: string }[];
  /** A manager: no centre ticked means all their centres, not the network. */
  scoped: boolean;
  /** Why the dates in the link were refused (French), shown on the end date. */
  invalid?: string | null | undefined;
  onChange: (next: ReportsSearch) => void;
}

/**
 * The report filters, all kept in the URL (a link shares exactly what is on screen): a named
 * period or two dates, the centres, how finely to cut the period, and what to compare it with.
 */
export function FilterBar({
  search,
  filters,
  period,
  centres,
  scoped,
  invalid,
  onChange,
}: FilterBarProps) {
  const { t } = useTranslation();
  // A manager with one centre has nothing to choose: the centre is named in the breadcrumb.
  const offerCentres = centres.length > 1;
  // A manager's dashboard opens with their centres ticked; the network's with none (everything).
  const ticked = filters.centreIds;
  return (
    <search className="hub-reports-filters" aria-label={t('reports.filters.label')}>
      <div className="hub-filters">
        <SelectField
          label={t('reports.filters.period')}
          options={urlPeriods.map((p) => ({ id: p, label: t(`reports.filters.periods.${p}`) }))}
          selectedKey={period}
          onSelectionChange={(key) => {
            if (key !== null) onChange(withPeriod(search, key as UrlPeriod, filters));
          }}
        />
        <TextField
          type="date"
          label={t('reports.filters.from')}
          // Custom dates show as typed, even refused (the figures then fall back to this year).
          value={period === 'custom' ? (search.from ?? filters.from) : filters.from}
          onChange={(from) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(from)) onChange(withDates(search, { from }, filters));
          }}
        />
        <TextField
          type="date"
          label={t('reports.filters.to')}
          value={period === 'custom' ? (search.to ?? filters.to) : filters.to}
          isInvalid={Boolean(invalid)}
          errorMessage={invalid ?? undefined}
          onChange={(to) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(to)) onChange(withDates(search, { to }, filters));
          }}
        />
        <SelectField
          label={t('reports.filters.granularity')}
          options={GRANULARITIES.map((g) => ({
            id: g,
            label: t(`reports.filters.granularities.${g}`),
          }))}
          selectedKey={filters.granularity}
          onSelectionChange={(key) => {
            if (key !== null)
              onChange({ ...search, granularity: key as ReportsSearch['granularity'] });
          }}
        />
        <SelectField
          label={t('reports.filters.compare')}
          options={COMPARISONS.map((c) => ({
            id: c,
            label: t(`reports.filters.comparisons.${c}`),
          }))}
          selectedKey={filters.compare}
          onSelectionChange={(key) => {
            if (key !== null) onChange({ ...search, compare: key as ReportsSearch['compare'] });
          }}
        />
      </div>
      {offerCentres ? (
        <CheckboxGroup
          className="hub-reports-filters__centres"
          value={ticked}
          onChange={(ids) => onChange(withCentres(search, ids))}
        >
          <Label className="lk-field__label">{t('reports.filters.centres')}</Label>
          <Text slot="description" className="lk-field__description">
            {scoped ? t('reports.filters.centresHelpManager') : t('reports.filters.centresHelpAll')}
          </Text>
          <div className="hub-reports-filters__centre-list">
            {centres.map((centre) => (
              <CheckboxField key={centre.id} value={centre.id} className="lk-checkbox-field">
                <CheckboxButton className="lk-checkbox">
                  <span className="lk-checkbox__box" aria-hidden="true">
                    <svg className="lk-checkbox__check" viewBox="0 0 14 14" aria-hidden="true">
                      <path
                        d="M2 7.5l3 3 7-7"
                        stroke="currentColor"
                        strokeWidth="2.5"
                        fill="none"
                      />
                    </svg>
                  </span>
                  <span className="lk-checkbox__label">{centre.name}</span>
                </CheckboxButton>
              </CheckboxField>
            ))}
          </div>
        </CheckboxGroup>
      ) : null}
    </search>
  );
}

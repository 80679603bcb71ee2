import type { CustomFieldDefinition, CustomFieldEntity } from '@lakou/domain/config';
import type { Donation } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { DataTable, type DataTableColumn } from '@lakou/ui/data-table';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldsQuery } from '../../api/customFields.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { formatKilograms, inKindSummary } from '../../lib/donations.ts';
import { formatDate } from '../../lib/format.ts';
import { customColumns } from '../custom-fields/customColumns.ts';
import { useInKindCategories } from '../lists/useListItems.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useCentreName } from '../useCentreNames.ts';
import { GiftCustomValues } from './GiftCustomValues.tsx';
import { GiftReceipt } from './GiftReceipt.tsx';

/** Gifts in a table: date, donor, what was given, amount or valuation, where, receipt. */
export function DonationsTable({
  label,
  rows,
  isLoading,
  canWrite,
  emptyState,
  showDonor = true,
}: {
  label: string;
  rows: Donation[];
  isLoading: boolean;
  canWrite: boolean;
  emptyState: ReactNode;
  showDonor?: boolean;
}) {
  const { t } = useTranslation();
  const categories = useInKindCategories();
  const { locale, language } = useLocale();
  const centreName = useCentreName();
  const moneyFields = useTableFields('donation');
  const goodsFields = useTableFields('in_kind_donation');
  // One column per field shown in tables; a cell only for the gifts of that field's kind.
  const kindColumns = (defs: readonly CustomFieldDefinition[], kind: Donation['kind']) =>
    customColumns<Donation>(defs, language).map((column) => ({
      ...column,
      cell: (d: Donation) => (d.kind === kind ? column.cell(d) : null),
    }));
  const columns: DataTableColumn<Donation>[] = [
    {
      id: 'receivedOn',
      header: t('donations.columns.receivedOn'),
      cell: (d) => (
        <span className="hub-nowrap">
          {formatDate(d.receivedOn, locale, { withWeekday: false })}
        </span>
      ),
    },
    ...(showDonor
      ? [
          {
            id: 'donor',
            header: t('donations.columns.donor'),
            isRowHeader: true,
            cell: (d: Donation) =>
              d.donorId ? (
                <RouterLink to="/donors/$donorId" params={{ donorId: d.donorId }}>
                  {d.donorName ?? d.donorId}
                </RouterLink>
              ) : (
                <span className="hub-muted">{t('donations.picker.anonymous')}</span>
              ),
          },
        ]
      : []),
    {
      id: 'gift',
      header: t('donations.columns.gift'),
      isRowHeader: !showDonor,
      cell: (d) =>
        d.kind === 'money' ? (
          <span className="hub-cell-wrap">
            <Badge tone="info">{t('donations.kinds.money')}</Badge>{' '}
            {d.method ? t(`donations.methods.${d.method}`) : null}
            {d.reference ? ` · ${d.reference}` : null}{' '}
            <GiftCustomValues donation={d} canWrite={canWrite} />
          </span>
        ) : (
          <span className="hub-cell-wrap">
            <Badge tone="success">{t('donations.kinds.in_kind')}</Badge>{' '}
            {inKindSummary(d, (u) => t(`donations.units.${u as 'piece'}`))}
            {d.category ? ` (${categories.labelOf(d.category)})` : null}
            {d.massGrams ? ` · ${formatKilograms(d.massGrams, locale)}` : null}{' '}
            <GiftCustomValues donation={d} canWrite={canWrite} />
          </span>
        ),
    },
    {
      id: 'amount',
      header: t('donations.columns.amount'),
      cell: (d) => <span className="hub-nowrap">{formatCents(d.amountCents, locale)}</span>,
    },
    {
      id: 'where',
      header: t('donations.columns.where'),
      cell: (d) =>
        d.centreId ? <span className="hub-cell-wrap">{centreName(d.centreId)}</span> : null,
    },
    ...kindColumns(moneyFields, 'money'),
    ...kindColumns(goodsFields, 'in_kind'),
    {
      id: 'receipt',
      header: t('donations.columns.receipt'),
      cell: (d) => <GiftReceipt donation={d} canWrite={canWrite} />,
    },
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={rows}
      getRowId={(d) => d.id}
      isLoading={isLoading}
      loadingLabel={t('donations.loading')}
      emptyState={emptyState}
    />
  );
}

/** Every active field of the entity shown in tables, whatever its centre (a table mixes centres). */
function useTableFields(entity: CustomFieldEntity): CustomFieldDefinition[] {
  const { data } = useQuery(customFieldsQuery({ entity, centreId: null }));
  return (data ?? []).filter((d) => d.inTables && d.retiredAt === null && d.entity === entity);
}

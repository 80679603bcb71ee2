import type { Facility, Stream } from '@lakou/domain/circular';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { DataTable, type DataTableColumn } from '@lakou/ui/data-table';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { circularKeys, facilitiesQuery, streamsQuery } from '../../api/circular.ts';
import { refusalOf } from '../../api/donations.ts';
import { wasteCodeLabel } from '../../lib/circular.ts';
import { CircularPage } from './CircularPage.tsx';
import { FacilityDialog } from './FacilityDialog.tsx';
import { StreamDialog } from './StreamDialog.tsx';

/**
 * The network admin's lists: the material streams (REP stream, European waste code, active or
 * not), created and edited in a dialog with a search of the waste list; the facilities that
 * receive the shipments.
 */
export function StreamsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const streams = useQuery(streamsQuery());
  const facilities = useQuery(facilitiesQuery());
  const [editing, setEditing] = useState<Stream | 'new' | null>(null);
  const [editingFacility, setEditingFacility] = useState<Facility | 'new' | null>(null);

  const streamColumns: DataTableColumn<Stream>[] = [
    {
      id: 'name',
      header: t('circular.streams.columns.name'),
      isRowHeader: true,
      cell: (s) => s.name,
    },
    { id: 'code', header: t('circular.streams.columns.code'), cell: (s) => <code>{s.code}</code> },
    {
      id: 'family',
      header: t('circular.streams.columns.family'),
      cell: (s) => t(`circular.families.${s.family}`),
    },
    {
      id: 'rep',
      header: t('circular.streams.columns.rep'),
      cell: (s) =>
        s.repStream ? t(`circular.repStreams.${s.repStream}`) : t('circular.common.none'),
    },
    {
      id: 'wasteCode',
      header: t('circular.streams.columns.wasteCode'),
      cell: (s) =>
        s.wasteCode ? (
          <span className="hub-circular__stream-name">
            <span className="hub-nowrap">{wasteCodeLabel(s.wasteCode, s.hazardous)}</span>
            {s.hazardous ? <Badge tone="danger">{t('circular.common.hazardous')}</Badge> : null}
          </span>
        ) : (
          t('circular.common.none')
        ),
    },
    {
      id: 'status',
      header: t('circular.streams.columns.status'),
      cell: (s) =>
        s.active ? (
          <Badge tone="success">{t('circular.streams.active')}</Badge>
        ) : (
          <Badge>{t('circular.common.inactive')}</Badge>
        ),
    },
    {
      id: 'actions',
      header: t('circular.streams.columns.actions'),
      cell: (s) => (
        <Button
          variant="secondary"
          size="small"
          aria-label={t('circular.streams.editLabel', { name: s.name })}
          onPress={() => setEditing(s)}
        >
          {t('circular.common.edit')}
        </Button>
      ),
    },
  ];

  const facilityColumns: DataTableColumn<Facility>[] = [
    {
      id: 'name',
      header: t('circular.streams.facilityColumns.name'),
      isRowHeader: true,
      cell: (f) => f.name,
    },
    {
      id: 'siret',
      header: t('circular.streams.facilityColumns.siret'),
      cell: (f) => <span className="hub-nowrap">{f.siret}</span>,
    },
    {
      id: 'address',
      header: t('circular.streams.facilityColumns.address'),
      cell: (f) => `${f.addressLine}, ${f.postcode} ${f.city}`,
    },
    {
      id: 'actions',
      header: t('circular.streams.facilityColumns.actions'),
      cell: (f) => (
        <Button
          variant="secondary"
          size="small"
          aria-label={t('circular.streams.editFacilityLabel', { name: f.name })}
          onPress={() => setEditingFacility(f)}
        >
          {t('circular.common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <CircularPage title={t('circular.streams.title')} lead={t('circular.streams.lead')}>
      <Card
        title={t('circular.streams.streamsTitle')}
        headerEnd={
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('circular.streams.new')}
          </Button>
        }
      >
        {streams.isError && !streams.data ? (
          <ErrorState
            title={t('errors.title')}
            detail={refusalOf(streams.error).detail}
            retryLabel={t('errors.retry')}
            onRetry={() => void streams.refetch()}
          />
        ) : (
          <DataTable
            label={t('circular.streams.tableLabel')}
            columns={streamColumns}
            rows={streams.data ?? []}
            getRowId={(s) => s.id}
            isLoading={streams.isPending}
            loadingLabel={t('circular.streams.loading')}
            emptyState={<EmptyState title={t('circular.streams.empty')} />}
          />
        )}
      </Card>
      <Card
        title={t('circular.streams.facilitiesTitle')}
        headerEnd={
          <Button variant="secondary" onPress={() => setEditingFacility('new')}>
            {t('circular.streams.newFacility')}
          </Button>
        }
      >
        {facilities.isError && !facilities.data ? (
          <ErrorState
            title={t('errors.title')}
            detail={refusalOf(facilities.error).detail}
            retryLabel={t('errors.retry')}
            onRetry={() => void facilities.refetch()}
          />
        ) : (
          <DataTable
            label={t('circular.streams.facilitiesLabel')}
            columns={facilityColumns}
            rows={facilities.data ?? []}
            getRowId={(f) => f.id}
            isLoading={facilities.isPending}
            loadingLabel={t('circular.streams.facilitiesLoading')}
            emptyState={<EmptyState title={t('circular.streams.facilitiesEmpty')} />}
          />
        )}
      </Card>
      <StreamDialog
        isOpen={editing !== null}
        stream={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={async () => {
          setEditing(null);
          await queryClient.invalidateQueries({ queryKey: circularKeys.all });
        }}
      />
      <FacilityDialog
        isOpen={editingFacility !== null}
        facility={editingFacility === 'new' ? null : editingFacility}
        onClose={() => setEditingFacility(null)}
        onSaved={async () => {
          setEditingFacility(null);
          await queryClient.invalidateQueries({ queryKey: ['circular', 'facilities'] });
        }}
      />
    </CircularPage>
  );
}

import type { CheckIn, CoworkingPass } from '@lakou/domain/coworking';
import type { Centre } from '@lakou/domain/network';
import { pageCount } from '@lakou/domain/shared';
import { Badge, type BadgeTone } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { Pagination } from '@lakou/ui/data-table';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { SearchField, SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourcesQuery } from '../../api/booking.ts';
import {
  type CheckInRefusal,
  cancelPass,
  checkIn,
  passesQuery,
  refusalOf,
  todayCheckInsQuery,
} from '../../api/coworking.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { clockTimeIn, refusalNeedsNewPass } from '../../lib/coworking.ts';
import { todayIn } from '../../lib/events.ts';
import { formatDate } from '../../lib/format.ts';
import { useDebouncedSearchParam } from '../useDebouncedSearchParam.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { SellPassDialog, type SellPrefill } from './SellPassDialog.tsx';

export const PASSES_PAGE_SIZE = 10;
const NO_DESK = 'none';

export type PassFilter = 'all' | 'usable';

export interface PassesSearchChange {
  q?: string;
  filter?: PassFilter;
  page?: number;
}

type PassState = 'usable' | 'empty' | 'expired' | 'notYet' | 'cancelled';

function stateOf(pass: CoworkingPass, today: string): PassState {
  if (pass.cancelledAt !== null) return 'cancelled';
  if (today < pass.validFrom) return 'notYet';
  if (today > pass.validUntil) return 'expired';
  if (pass.daysLeft !== null && pass.daysLeft <= 0) return 'empty';
  return 'usable';
}

const STATE_TONES: Record<PassState, BadgeTone> = {
  usable: 'success',
  empty: 'warning',
  expired: 'neutral',
  notYet: 'info',
  cancelled: 'danger',
};

/**
 * The passes of the centre, newest first: find a member by name, check them in with one tap
 * (at a desk or not), read why a check-in is refused and sell a new pass when the old one is
 * spent; sell and cancel passes.
 */
export function PassesPanel({
  centre,
  canWrite,
  q,
  filter,
  page,
  onSearchChange,
  onChanged,
}: {
  centre: Centre;
  canWrite: boolean;
  q: string;
  filter: PassFilter;
  page: number;
  onSearchChange: (change: PassesSearchChange) => void;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const paginationLabels = usePaginationLabels();
  const [search, setSearch] = useDebouncedSearchParam(q, (value) =>
    onSearchChange({ q: value, page: 1 }),
  );
  const passes = useQuery(
    passesQuery(centre.id, {
      q: q || undefined,
      usable: filter === 'usable' ? true : undefined,
      page,
      pageSize: PASSES_PAGE_SIZE,
    }),
  );
  const today = useQuery(todayCheckInsQuery(centre.id));
  const resources = useQuery({ ...resourcesQuery(centre.id), enabled: canWrite });
  const desks = (resources.data ?? []).filter((r) => r.kind === 'desk');
  const [deskId, setDeskId] = useState(NO_DESK);
  const [checkingIn, setCheckingIn] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, CheckInRefusal>>({});
  const [cancelling, setCancelling] = useState<CoworkingPass | null>(null);
  const [selling, setSelling] = useState<SellPrefill | null>(null);
  // Outcomes are said here rather than in toasts, which would cover the next member's button
  // on a phone.
  const [notice, setNotice] = useState('');

  const centreToday = today.data?.occupancy.day ?? todayIn(centre.timeZone);
  const inToday = new Map<string, CheckIn>((today.data?.items ?? []).map((c) => [c.passId, c]));
  const takenDesks = new Set((today.data?.items ?? []).map((c) => c.resourceId));

  const arrive = async (pass: CoworkingPass) => {
    setCheckingIn(pass.id);
    setNotice('');
    setRefusals(({ [pass.id]: _, ...rest }) => rest);
    try {
      const made = await checkIn(pass.id, deskId === NO_DESK ? null : deskId);
      setNotice(
        `${t('coworking.checkIn.done', {
          name: made.holderName,
          time: clockTimeIn(made.at, centre.timeZone, locale),
        })} ${
          made.daysLeft === null
            ? t('coworking.unlimited')
            : t('coworking.daysLeft', { count: made.daysLeft })
        }.`,
      );
      setDeskId(NO_DESK);
      await onChanged();
    } catch (error) {
      const refusal = refusalOf(error);
      setRefusals((current) => ({ ...current, [pass.id]: refusal }));
      // A pass that changed elsewhere (spent, cancelled) shows its new state.
      await onChanged();
    } finally {
      setCheckingIn(null);
    }
  };

  let list: React.ReactNode;
  if (passes.isPending) {
    list = <LoadingState label={t('coworking.passes.loading')} />;
  } else if (passes.isError) {
    list = (
      <ErrorState
        title={t('coworking.passes.loadFailed')}
        detail={refusalOf(passes.error).detail}
        retryLabel={t('errors.retry')}
        onRetry={() => void passes.refetch()}
      />
    );
  } else if (passes.data.items.length === 0) {
    list = (
      <EmptyState
        title={q ? t('coworking.passes.noMatch', { q }) : t('coworking.passes.empty')}
        description={canWrite ? t('coworking.passes.emptyWriter') : undefined}
        action={
          canWrite ? (
            <Button
              variant="secondary"
              onPress={() => setSelling({ holderName: q, holderEmail: '' })}
            >
              {t('coworking.sell.open')}
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    list = (
      <>
        <ul
          className="hub-coworking__passes"
          aria-label={t('coworking.passes.listLabel')}
          aria-busy={passes.isFetching || undefined}
        >
          {passes.data.items.map((pass) => {
            const state = stateOf(pass, centreToday);
            const arrived = inToday.get(pass.id);
            const refusal = refusals[pass.id];
            return (
              <li key={pass.id} className="hub-coworking__pass" data-state={state}>
                <div className="hub-coworking__who">
                  <h3 className="hub-coworking__name">{pass.holderName}</h3>
                  <p className="hub-coworking__badges">
                    <Badge tone="neutral">{t(`coworking.kinds.${pass.kind}.label`)}</Badge>
                    <Badge tone={STATE_TONES[state]}>{t(`coworking.passes.states.${state}`)}</Badge>
                    {arrived ? (
                      <Badge tone="info">
                        {t('coworking.passes.arrivedAt', {
                          time: clockTimeIn(arrived.at, centre.timeZone, locale),
                        })}
                      </Badge>
                    ) : null}
                  </p>
                  <p className="hub-coworking__facts">
                    <span>
                      {pass.daysLeft === null
                        ? t('coworking.unlimited')
                        : t('coworking.daysLeft', { count: pass.daysLeft })}
                    </span>
                    <span>
                      {t('coworking.passes.validity', {
                        from: formatDate(pass.validFrom, locale, { withWeekday: false }),
                        until: formatDate(pass.validUntil, locale, { withWeekday: false }),
                      })}
                    </span>
                    <span>{formatCents(pass.priceCents, locale)}</span>
                    {pass.holderEmail ? (
                      <span className="hub-coworking__email">{pass.holderEmail}</span>
                    ) : null}
                  </p>
                </div>
                {canWrite && state !== 'cancelled' ? (
                  <div className="hub-coworking__actions">
                    <Button
                      size="large"
                      aria-label={t('coworking.checkIn.label', { name: pass.holderName })}
                      isPending={checkingIn === pass.id}
                      isDisabled={checkingIn !== null && checkingIn !== pass.id}
                      pendingLabel={t('coworking.saving')}
                      onPress={() => void arrive(pass)}
                    >
                      {t('coworking.checkIn.action')}
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={t('coworking.passes.cancelLabel', { name: pass.holderName })}
                      onPress={() => setCancelling(pass)}
                    >
                      {t('coworking.passes.cancel')}
                    </Button>
                  </div>
                ) : null}
                {refusal ? (
                  <div className="hub-coworking__refusal" role="alert">
                    <p>
                      <strong>{t('coworking.checkIn.refused', { name: pass.holderName })}</strong>{' '}
                      {refusal.detail}
                    </p>
                    {canWrite && refusalNeedsNewPass(refusal.code) ? (
                      <Button
                        variant="secondary"
                        onPress={() =>
                          setSelling({
                            holderName: pass.holderName,
                            holderEmail: pass.holderEmail ?? '',
                          })
                        }
                      >
                        {t('coworking.checkIn.sellNew', { name: pass.holderName })}
                      </Button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {passes.data.total > PASSES_PAGE_SIZE ? (
          <Pagination
            page={page}
            pageCount={pageCount(passes.data.total, PASSES_PAGE_SIZE)}
            onPageChange={(next) => onSearchChange({ page: next })}
            labels={paginationLabels}
          />
        ) : null}
      </>
    );
  }

  return (
    <Card
      title={t('coworking.passes.title')}
      headerEnd={
        canWrite ? (
          <Button
            variant="secondary"
            onPress={() => setSelling({ holderName: '', holderEmail: '' })}
          >
            {t('coworking.sell.open')}
          </Button>
        ) : null
      }
    >
      <p className="hub-note">
        {canWrite ? t('coworking.passes.leadWriter') : t('coworking.passes.leadReader')}
      </p>
      <div className="hub-coworking__filters">
        <SearchField
          label={t('coworking.passes.search')}
          clearLabel={t('app.clearSearch')}
          value={search}
          onChange={setSearch}
          autoComplete="off"
        />
        <SelectField
          label={t('coworking.passes.filter')}
          options={[
            { id: 'all', label: t('coworking.passes.filters.all') },
            { id: 'usable', label: t('coworking.passes.filters.usable') },
          ]}
          selectedKey={filter}
          onSelectionChange={(key) => onSearchChange({ filter: key as PassFilter, page: 1 })}
        />
        {canWrite && desks.length > 0 ? (
          <SelectField
            label={t('coworking.checkIn.desk')}
            description={t('coworking.checkIn.deskHelp')}
            options={[
              { id: NO_DESK, label: t('coworking.checkIn.noDesk') },
              ...desks.map((d) => ({
                id: d.id,
                label: takenDesks.has(d.id)
                  ? t('coworking.checkIn.deskTaken', { name: d.name })
                  : d.name,
              })),
            ]}
            selectedKey={deskId}
            onSelectionChange={(key) => setDeskId(String(key ?? NO_DESK))}
          />
        ) : null}
      </div>
      <p className="hub-coworking__notice" role="status">
        {notice}
      </p>
      {passes.data ? (
        <p className="hub-results" aria-live="polite">
          {t('coworking.passes.count', { count: passes.data.total })}
        </p>
      ) : null}
      {list}

      <ConfirmDialog
        isOpen={cancelling !== null}
        onOpenChange={(open) => {
          if (!open) setCancelling(null);
        }}
        title={t('coworking.passes.cancelTitle', { name: cancelling?.holderName ?? '' })}
        confirmLabel={t('coworking.passes.cancelConfirm')}
        cancelLabel={t('coworking.passes.cancelKeep')}
        pendingLabel={t('coworking.saving')}
        isDestructive
        onConfirm={async () => {
          if (!cancelling) return;
          try {
            await cancelPass(cancelling.id);
            setNotice(t('coworking.passes.cancelled', { name: cancelling.holderName }));
            setCancelling(null);
            await onChanged();
          } catch (error) {
            toast.error(t('coworking.passes.cancelFailed'), refusalOf(error).detail);
            throw error;
          }
        }}
      >
        <p>{t('coworking.passes.cancelText')}</p>
      </ConfirmDialog>

      {canWrite ? (
        <SellPassDialog
          centre={centre}
          prefill={selling}
          onClose={() => setSelling(null)}
          onSold={async (pass) => {
            setSelling(null);
            setNotice(
              t('coworking.sell.sold', {
                name: pass.holderName,
                kind: t(`coworking.kinds.${pass.kind}.label`),
              }),
            );
            // The new pass first, ready for its holder's check-in.
            onSearchChange({ q: pass.holderName, filter: 'all', page: 1 });
            await onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

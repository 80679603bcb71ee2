import type { Audience, Booking, Resource } from '@lakou/domain/booking/rules';
import type { Centre } from '@lakou/domain/network';
import { pageCount } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { Pagination } from '@lakou/ui/data-table';
import { Dialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import {
  APPROVALS_PAGE_SIZE,
  bookingKeys,
  requestedBookingsQuery,
  resourcesQuery,
  sendBookingEvent,
} from '../../api/booking.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange, formatCents } from '../../lib/agenda.ts';
import { useListItems } from '../lists/useListItems.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import '../../styles/series.css';

function detailOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The queue of bookings waiting for a manager's approval in one centre: approve (confirm) or
 * refuse (cancel, with a reason, after confirming), soonest first, on the centre's clock.
 */
export function ApprovalsPage({
  centre,
  page,
  onPageChange,
}: {
  centre: Centre;
  page: number;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const paginationLabels = usePaginationLabels();
  useDocumentTitle(t('approvals.title', { centre: centre.name }));
  const requests = useQuery(requestedBookingsQuery(centre.id, page));
  const resources = useQuery(resourcesQuery(centre.id));
  const [refusing, setRefusing] = useState<Booking | null>(null);
  const [approving, setApproving] = useState<string | null>(null);
  const totalRef = useRef<HTMLParagraphElement>(null);

  const pages = requests.data ? pageCount(requests.data.total, APPROVALS_PAGE_SIZE) : 1;
  // The last request of the last page was handled: show the page before.
  useEffect(() => {
    if (requests.data && requests.data.items.length === 0 && page > 1) onPageChange(pages);
  }, [requests.data, page, pages, onPageChange]);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: bookingKeys.bookings(centre.id) });
    // The handled request leaves the list: keep keyboard and screen-reader users in place.
    totalRef.current?.focus();
  };

  const approve = async (booking: Booking) => {
    setApproving(booking.id);
    try {
      await sendBookingEvent(booking.id, { type: 'confirm' });
      toast.success(t('approvals.approved', { purpose: booking.purpose }));
      await done();
    } catch (error) {
      toast.error(t('approvals.actionFailed'), detailOf(error));
    } finally {
      setApproving(null);
    }
  };

  const header = (
    <>
      <p className="hub-back">
        <RouterLink to="/centres/$centreId/agenda" params={{ centreId: centre.id }}>
          <span aria-hidden="true">← </span>
          {t('approvals.agenda')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('approvals.title', { centre: centre.name })}</h1>
        <p className="hub-note">{t('approvals.lead', { zone: centre.timeZone })}</p>
      </header>
    </>
  );

  let body: ReactNode;
  if (requests.isPending) {
    body = <LoadingState label={t('approvals.loading')} />;
  } else if (requests.isError) {
    body = (
      <ErrorState
        title={t('approvals.loadFailed')}
        detail={detailOf(requests.error)}
        retryLabel={t('errors.retry')}
        onRetry={() => void requests.refetch()}
      />
    );
  } else if (requests.data.total === 0) {
    body = (
      <>
        <p ref={totalRef} tabIndex={-1} className="lk-visually-hidden" role="status">
          {t('approvals.empty')}
        </p>
        <EmptyState title={t('approvals.empty')} description={t('approvals.emptyDetail')} />
      </>
    );
  } else {
    body = (
      <section aria-label={t('approvals.list')}>
        <p ref={totalRef} tabIndex={-1} role="status">
          {t('approvals.total', { count: requests.data.total })}
        </p>
        <ol className="hub-approvals__list">
          {requests.data.items.map((booking) => (
            <RequestItem
              key={booking.id}
              booking={booking}
              resource={resources.data?.find((r) => r.id === booking.resourceId)}
              timeZone={centre.timeZone}
              isApproving={approving === booking.id}
              isBusy={approving !== null}
              onApprove={() => void approve(booking)}
              onRefuse={() => setRefusing(booking)}
            />
          ))}
        </ol>
        {pages > 1 ? (
          <Pagination
            page={page}
            pageCount={pages}
            onPageChange={onPageChange}
            labels={paginationLabels}
          />
        ) : null}
      </section>
    );
  }

  return (
    <div className="hub-page">
      {header}
      {body}
      <RefuseDialog
        booking={refusing}
        timeZone={centre.timeZone}
        onClose={() => setRefusing(null)}
        onRefuse={async (booking, reason) => {
          await sendBookingEvent(booking.id, { type: 'cancel', reason });
          setRefusing(null);
          toast.success(t('approvals.refused', { purpose: booking.purpose }));
          await done();
        }}
      />
    </div>
  );
}

function RequestItem({
  booking,
  resource,
  timeZone,
  isApproving,
  isBusy,
  onApprove,
  onRefuse,
}: {
  booking: Booking;
  resource: Resource | undefined;
  timeZone: string;
  isApproving: boolean;
  isBusy: boolean;
  onApprove: () => void;
  onRefuse: () => void;
}) {
  const { t } = useTranslation();
  const audiences = useListItems('audience', (a) => t(`agenda.audiences.${a as Audience}`));
  const { locale } = useLocale();
  return (
    <li className="hub-approvals__item">
      <h2>{booking.purpose}</h2>
      <dl className="hub-details hub-details--inline">
        <div>
          <dt>{t('agenda.when')}</dt>
          <dd>{formatCentreRange(booking.start, booking.end, timeZone, locale)}</dd>
        </div>
        <div>
          <dt>{t('agenda.resource')}</dt>
          <dd>{resource?.name ?? t('app.dash')}</dd>
        </div>
        <div>
          <dt>{t('agenda.organiserName')}</dt>
          <dd>
            {booking.organiser.name} ({t(`agenda.organiserKinds.${booking.organiser.kind}`)})
          </dd>
        </div>
        <div>
          <dt>{t('agenda.headcount')}</dt>
          <dd>{booking.headcount}</dd>
        </div>
        <div>
          <dt>{t('agenda.price')}</dt>
          <dd>
            {formatCents(booking.priceCents, locale)} — {audiences.labelOf(booking.audience)}
          </dd>
        </div>
      </dl>
      <div className="hub-approvals__actions">
        <Button
          aria-label={t('approvals.approveLabel', { purpose: booking.purpose })}
          isPending={isApproving}
          isDisabled={isBusy && !isApproving}
          pendingLabel={t('approvals.saving')}
          onPress={onApprove}
        >
          {t('approvals.approve')}
        </Button>
        <Button
          variant="danger"
          aria-label={t('approvals.refuseLabel', { purpose: booking.purpose })}
          isDisabled={isBusy}
          onPress={onRefuse}
        >
          {t('approvals.refuse')}
        </Button>
      </div>
    </li>
  );
}

function RefuseDialog({
  booking,
  timeZone,
  onClose,
  onRefuse,
}: {
  booking: Booking | null;
  timeZone: string;
  onClose: () => void;
  onRefuse: (booking: Booking, reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={booking !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('approvals.refuseTitle')}
      closeLabel={t('app.close')}
    >
      {booking ? (
        <RefuseForm booking={booking} timeZone={timeZone} onClose={onClose} onRefuse={onRefuse} />
      ) : null}
    </Dialog>
  );
}

function RefuseForm({
  booking,
  timeZone,
  onClose,
  onRefuse,
}: {
  booking: Booking;
  timeZone: string;
  onClose: () => void;
  onRefuse: (booking: Booking, reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refuse = async () => {
    setPending(true);
    setError(null);
    try {
      await onRefuse(booking, reason.trim());
    } catch (failure) {
      setError(detailOf(failure));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="hub-form">
      <p>
        {t('approvals.refuseText', {
          purpose: booking.purpose,
          when: formatCentreRange(booking.start, booking.end, timeZone, locale),
        })}
      </p>
      <TextField
        label={t('approvals.refuseReason')}
        value={reason}
        onChange={setReason}
        isRequired
        maxLength={500}
        autoFocus
      />
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={pending}>
          {t('approvals.keep')}
        </Button>
        <Button
          variant="danger"
          isDisabled={reason.trim().length === 0}
          isPending={pending}
          pendingLabel={t('approvals.saving')}
          onPress={() => void refuse()}
        >
          {t('approvals.confirmRefuse')}
        </Button>
      </div>
    </div>
  );
}

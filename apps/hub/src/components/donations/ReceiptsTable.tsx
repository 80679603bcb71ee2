import type { Receipt } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn } from '@lakou/ui/data-table';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, TextField } from '@lakou/ui/form-field';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelReceipt, donationKeys, refusalOf } from '../../api/donations.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { formatDate, formatInstant } from '../../lib/format.ts';
import { RouterLink } from '../RouterLink.tsx';
import { ReceiptPdfLink } from './GiftReceipt.tsx';

/**
 * Receipts in a table: number (the PDF), donor, date, kind, amounts, status; « Annuler » asks
 * for a reason and may reissue at once. A cancelled receipt stays listed: its number stays used.
 */
export function ReceiptsTable({
  label,
  rows,
  isLoading,
  canWrite,
  emptyState,
  onChanged,
}: {
  label: string;
  rows: Receipt[];
  isLoading: boolean;
  canWrite: boolean;
  emptyState: ReactNode;
  onChanged?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [cancelling, setCancelling] = useState<Receipt | null>(null);
  const columns: DataTableColumn<Receipt>[] = [
    {
      id: 'number',
      header: t('donations.receipts.columns.number'),
      isRowHeader: true,
      cell: (r) => <ReceiptPdfLink id={r.id} number={r.number} />,
    },
    {
      id: 'donor',
      header: t('donations.receipts.columns.donor'),
      cell: (r) => (
        <RouterLink to="/donors/$donorId" params={{ donorId: r.donorId }}>
          {r.donorName}
        </RouterLink>
      ),
    },
    {
      id: 'issuedOn',
      header: t('donations.receipts.columns.issuedOn'),
      cell: (r) => (
        <span className="hub-nowrap">{formatDate(r.issuedOn, locale, { withWeekday: false })}</span>
      ),
    },
    {
      id: 'kind',
      header: t('donations.receipts.columns.kind'),
      cell: (r) =>
        r.kind === 'annual'
          ? t('donations.receipts.kinds.annual', { count: r.donationIds.length })
          : t('donations.receipts.kinds.single'),
    },
    {
      id: 'total',
      header: t('donations.receipts.columns.total'),
      cell: (r) => (
        <span className="hub-cell-wrap">
          <span className="hub-nowrap">{formatCents(r.totalCents, locale)}</span>
          {r.inKindCents > 0 ? (
            <span className="hub-muted">
              {' '}
              {t('donations.receipts.inKindPart', { amount: formatCents(r.inKindCents, locale) })}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('donations.receipts.columns.status'),
      cell: (r) =>
        r.status === 'issued' ? (
          <Badge tone="success">{t('donations.receipts.statuses.issued')}</Badge>
        ) : (
          <span className="hub-cell-wrap">
            <Badge tone="danger">{t('donations.receipts.statuses.cancelled')}</Badge>{' '}
            {r.cancelledAt
              ? t('donations.receipts.cancelledOn', {
                  date: formatInstant(r.cancelledAt, locale, 'date'),
                })
              : null}
            {r.cancelReason ? ` — ${r.cancelReason}` : null}
          </span>
        ),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: t('donations.receipts.columns.actions'),
            cell: (r: Receipt) =>
              r.status === 'issued' ? (
                <Button
                  variant="secondary"
                  size="small"
                  aria-label={t('donations.receipts.cancelLabel', { number: r.number })}
                  onPress={() => setCancelling(r)}
                >
                  {t('donations.receipts.cancel')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <DataTable
        label={label}
        columns={columns}
        rows={rows}
        getRowId={(r) => r.id}
        isLoading={isLoading}
        loadingLabel={t('donations.loading')}
        emptyState={emptyState}
      />
      {canWrite ? (
        <CancelReceiptDialog
          receipt={cancelling}
          onClose={() => setCancelling(null)}
          onCancelled={(message) => {
            setCancelling(null);
            onChanged?.(message);
          }}
        />
      ) : null}
    </>
  );
}

function CancelReceiptDialog({
  receipt,
  onClose,
  onCancelled,
}: {
  receipt: Receipt | null;
  onClose: () => void;
  onCancelled: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={receipt !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('donations.receipts.cancelTitle', { number: receipt?.number ?? '' })}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {receipt ? (
        <CancelReceiptForm receipt={receipt} onClose={onClose} onCancelled={onCancelled} />
      ) : null}
    </Dialog>
  );
}

function CancelReceiptForm({
  receipt,
  onClose,
  onCancelled,
}: {
  receipt: Receipt;
  onClose: () => void;
  onCancelled: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reissue, setReissue] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const confirm = async () => {
    if (reason.trim().length < 5) {
      setError(t('donations.receipts.reasonRequired'));
      return;
    }
    setError(null);
    setDetail(null);
    setPending(true);
    try {
      const done = await cancelReceipt(receipt.id, { reason: reason.trim(), reissue });
      await queryClient.invalidateQueries({ queryKey: donationKeys.all });
      onCancelled(
        done.reissued
          ? t('donations.receipts.cancelledReissued', {
              number: done.cancelled.number,
              next: done.reissued.number,
            })
          : t('donations.receipts.cancelledDone', { number: done.cancelled.number }),
      );
    } catch (failure) {
      const refusal = refusalOf(failure);
      setError(refusal.fields.reason ?? null);
      setDetail(refusal.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
    >
      <p>{t('donations.receipts.cancelText')}</p>
      <TextField
        label={t('donations.receipts.reason')}
        description={t('donations.receipts.reasonHelp')}
        value={reason}
        onChange={setReason}
        isRequired
        isMultiline
        maxLength={500}
        isInvalid={Boolean(error)}
        errorMessage={error}
        autoFocus
      />
      <Checkbox
        label={t('donations.receipts.reissue')}
        description={t('donations.receipts.reissueHelp')}
        isSelected={reissue}
        onChange={setReissue}
      />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('donations.receipts.keep')}
        </Button>
        <Button
          type="submit"
          variant="danger"
          isPending={isPending}
          pendingLabel={t('donations.saving')}
        >
          {reissue ? t('donations.receipts.confirmReissue') : t('donations.receipts.confirmCancel')}
        </Button>
      </div>
    </form>
  );
}

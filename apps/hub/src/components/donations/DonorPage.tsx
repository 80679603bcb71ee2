import type { Donor } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { SelectField } from '@lakou/ui/form-field';
import { EmptyState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  donationKeys,
  donationsQuery,
  donorExportUrl,
  eraseDonor,
  issueReceipt,
  receiptsQuery,
  refusalOf,
} from '../../api/donations.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { giftYears } from '../../lib/donations.ts';
import { formatDate, formatInstant } from '../../lib/format.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { DonationsTable } from './DonationsTable.tsx';
import { DonorDialog } from './DonorDialog.tsx';
import { ReceiptPdfLink } from './GiftReceipt.tsx';
import { ReceiptsTable } from './ReceiptsTable.tsx';
import './donations.css';

/** Gifts and receipts of one donor shown at once (a donor gives a few times a year). */
const HISTORY_SIZE = 100;

/**
 * One donor: contact details, their gifts and receipts, « Émettre le reçu » per gift and the
 * annual summary, editing, the GDPR export and (for the fund's admin) erasure.
 */
export function DonorPage({ donor }: { donor: Donor }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const can = useCan();
  const canWrite = can('donation.write');
  const canErase = can('fund.write');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [notice, setNotice] = useState('');
  useDocumentTitle(donor.name);
  const gifts = useQuery(donationsQuery({ donorId: donor.id, pageSize: HISTORY_SIZE }));
  const receipts = useQuery(receiptsQuery({ donorId: donor.id, pageSize: HISTORY_SIZE }));
  const erased = donor.erasedAt !== null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: donationKeys.all });

  const address = [
    donor.addressLine,
    [donor.postcode, donor.city].filter(Boolean).join(' '),
    donor.country,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div className="hub-page hub-donations">
      <p className="hub-back">
        <RouterLink to="/donors">
          <span aria-hidden="true">← </span>
          {t('donations.donors.title')}
        </RouterLink>
      </p>
      <header className="hub-page__header hub-page__header--with-action">
        <div>
          <h1 className="hub-page__title">{donor.name}</h1>
          <p className="hub-donations__badges">
            <Badge tone="neutral">{t(`donations.donorKinds.${donor.kind}`)}</Badge>
            {erased ? <Badge tone="warning">{t('donations.donor.erased')}</Badge> : null}
          </p>
        </div>
        <div className="hub-row-actions">
          {canWrite && !erased ? (
            <Button variant="secondary" onPress={() => setEditing(true)}>
              {t('donations.donor.edit')}
            </Button>
          ) : null}
          {canWrite ? (
            <a
              className="lk-button"
              data-variant="secondary"
              data-size="medium"
              href={donorExportUrl(donor.id)}
              download
            >
              {t('donations.donor.export')}
            </a>
          ) : null}
          {canErase && !erased ? (
            <Button variant="danger" onPress={() => setErasing(true)}>
              {t('donations.donor.erase')}
            </Button>
          ) : null}
        </div>
      </header>

      <p className="hub-live hub-success-text" role="status">
        {notice}
      </p>

      <Card title={t('donations.donor.detailsTitle')}>
        {erased ? (
          <p className="hub-note">
            {t('donations.donor.erasedNote', {
              date: formatInstant(donor.erasedAt ?? '', locale, 'date'),
            })}
          </p>
        ) : null}
        <dl className="hub-details hub-donations__details">
          <dt>{t('donations.donor.fields.email')}</dt>
          <dd>
            {donor.email ?? <span className="hub-muted">{t('donations.donor.unknown')}</span>}
          </dd>
          <dt>{t('donations.donor.fields.phone')}</dt>
          <dd>
            {donor.phone ?? <span className="hub-muted">{t('donations.donor.unknown')}</span>}
          </dd>
          <dt>{t('donations.donor.address')}</dt>
          <dd>{address || <span className="hub-muted">{t('donations.donor.noAddress')}</span>}</dd>
          {donor.siret ? (
            <>
              <dt>{t('donations.donor.fields.siret')}</dt>
              <dd>{donor.siret}</dd>
            </>
          ) : null}
          <dt>{t('donations.donor.fields.consentToContact')}</dt>
          <dd>{donor.consentToContact ? t('donations.yes') : t('donations.no')}</dd>
          <dt>{t('donations.donor.totalGiven')}</dt>
          <dd>{formatCents(donor.totalGivenCents, locale)}</dd>
          <dt>{t('donations.donor.lastGift')}</dt>
          <dd>
            {donor.lastGiftOn
              ? formatDate(donor.lastGiftOn, locale, { withWeekday: false })
              : t('donations.donors.noGift')}
          </dd>
          {donor.notes ? (
            <>
              <dt>{t('donations.donor.fields.notes')}</dt>
              <dd>{donor.notes}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card title={t('donations.donor.giftsTitle')}>
        <DonationsTable
          label={t('donations.donor.giftsLabel', { name: donor.name })}
          rows={gifts.data?.items ?? []}
          isLoading={gifts.isPending}
          canWrite={canWrite && !erased}
          showDonor={false}
          emptyState={<EmptyState title={t('donations.donor.noGifts')} />}
        />
      </Card>

      {canWrite && !erased ? (
        <AnnualSummary
          donor={donor}
          years={giftYears(gifts.data?.items ?? [])}
          onIssued={async (message) => {
            setNotice(message);
            await refresh();
          }}
        />
      ) : null}

      <Card title={t('donations.donor.receiptsTitle')}>
        <ReceiptsTable
          label={t('donations.donor.receiptsLabel', { name: donor.name })}
          rows={receipts.data?.items ?? []}
          isLoading={receipts.isPending}
          canWrite={canWrite}
          emptyState={<EmptyState title={t('donations.donor.noReceipts')} />}
          onChanged={setNotice}
        />
      </Card>

      {canWrite ? (
        <DonorDialog
          isOpen={editing}
          donor={donor}
          onClose={() => setEditing(false)}
          onSaved={async (saved) => {
            setEditing(false);
            setNotice(t('donations.donor.saved', { name: saved.name }));
            await refresh();
          }}
        />
      ) : null}
      {canErase ? (
        <ConfirmDialog
          isOpen={erasing}
          onOpenChange={setErasing}
          title={t('donations.donor.eraseTitle', { name: donor.name })}
          confirmLabel={t('donations.donor.eraseConfirm')}
          cancelLabel={t('donations.donor.eraseKeep')}
          pendingLabel={t('donations.saving')}
          isDestructive
          onConfirm={async () => {
            try {
              const done = await eraseDonor(donor.id);
              setErasing(false);
              // The API says what it kept and why (accounting and tax law).
              setNotice(`${t('donations.donor.erasedDone')} ${done.notice}`);
              await refresh();
            } catch (error) {
              toast.error(t('donations.donor.eraseFailed'), refusalOf(error).detail);
              throw error;
            }
          }}
        >
          <p>{t('donations.donor.eraseText')}</p>
          <p>{t('donations.donor.eraseKept')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** One receipt for all of a year's gifts not yet on a live receipt. */
function AnnualSummary({
  donor,
  years,
  onIssued,
}: {
  donor: Donor;
  years: number[];
  onIssued: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ id: string; number: string } | null>(null);
  const [isPending, setPending] = useState(false);
  const chosen = year ?? years[0] ?? null;
  if (years.length === 0) return null;
  const issue = async () => {
    if (chosen === null) return;
    setPending(true);
    setRefusal(null);
    try {
      const receipt = await issueReceipt({ kind: 'annual', donorId: donor.id, year: chosen });
      setIssued({ id: receipt.id, number: receipt.number });
      await onIssued(
        t('donations.receipts.annualIssued', { number: receipt.number, year: chosen }),
      );
    } catch (error) {
      setRefusal(refusalOf(error).detail);
    } finally {
      setPending(false);
    }
  };
  return (
    <Card title={t('donations.receipts.annualTitle')}>
      <p className="hub-note">{t('donations.receipts.annualLead')}</p>
      <div className="hub-filters">
        <SelectField
          label={t('donations.receipts.year')}
          options={years.map((y) => ({ id: String(y), label: String(y) }))}
          selectedKey={chosen === null ? null : String(chosen)}
          onSelectionChange={(key) => setYear(key === null ? null : Number(key))}
        />
        <div>
          <Button
            isPending={isPending}
            pendingLabel={t('donations.saving')}
            onPress={() => void issue()}
          >
            {t('donations.receipts.annualIssue')}
          </Button>
        </div>
      </div>
      {refusal ? (
        <p className="hub-error-text" role="alert">
          {refusal}
        </p>
      ) : null}
      {issued ? (
        <p>
          <ReceiptPdfLink id={issued.id} number={issued.number} />
        </p>
      ) : null}
    </Card>
  );
}

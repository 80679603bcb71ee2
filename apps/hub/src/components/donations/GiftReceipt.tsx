import type { Donation, Receipt } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { donationKeys, issueReceipt, receiptPdfUrl, refusalOf } from '../../api/donations.ts';
import { receiptActionOf } from '../../lib/donations.ts';

/** A link to download a receipt's PDF, named after its number. */
export function ReceiptPdfLink({ id, number }: { id: string; number: string }) {
  const { t } = useTranslation();
  return (
    <a className="lk-link" href={receiptPdfUrl(id)} download={`recu-${number}.pdf`}>
      {t('donations.receipts.download', { number })}
    </a>
  );
}

/**
 * The receipt of one gift: its PDF once issued, « Émettre le reçu » before (for those who may),
 * nothing for an anonymous gift. A refusal (no address, a public body…) is said beside it.
 */
export function GiftReceipt({
  donation,
  canWrite,
  onIssued,
}: {
  donation: Pick<Donation, 'id' | 'donorId' | 'donorName' | 'receiptId' | 'receiptNumber'>;
  canWrite: boolean;
  onIssued?: (receipt: Receipt) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<Receipt | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const receiptId = issued?.id ?? donation.receiptId;
  const receiptNumber = issued?.number ?? donation.receiptNumber;
  if (receiptId && receiptNumber) return <ReceiptPdfLink id={receiptId} number={receiptNumber} />;
  const action = receiptActionOf(donation);
  if (action === 'anonymous')
    return <span className="hub-muted">{t('donations.receipts.anonymous')}</span>;
  if (!canWrite) return <span className="hub-muted">{t('donations.receipts.none')}</span>;

  const issue = async () => {
    setPending(true);
    setRefusal(null);
    try {
      const receipt = await issueReceipt({ kind: 'single', donationId: donation.id });
      setIssued(receipt);
      onIssued?.(receipt);
      await queryClient.invalidateQueries({ queryKey: donationKeys.all });
    } catch (error) {
      setRefusal(refusalOf(error).detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="hub-donations__receipt">
      <Button
        variant="secondary"
        size="small"
        isPending={isPending}
        pendingLabel={t('donations.saving')}
        aria-label={t('donations.receipts.issueLabel', { name: donation.donorName ?? '' })}
        onPress={() => void issue()}
      >
        {t('donations.receipts.issue')}
      </Button>
      {refusal ? (
        <span className="hub-error-text" role="alert">
          {refusal}
        </span>
      ) : null}
    </span>
  );
}

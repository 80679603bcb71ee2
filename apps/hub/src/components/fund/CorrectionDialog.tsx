import type { LedgerEntry } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { correctEntry } from '../../api/fund.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { formatSignedEuros, formProblems, fundToday, isCalendarDate } from '../../lib/fund.ts';

interface CorrectionDialogProps {
  /** The entry to reverse; `null` keeps the dialog closed. */
  entry: LedgerEntry | null;
  subFundName: string;
  onClose: () => void;
  onCorrected: (correction: LedgerEntry) => Promise<void>;
}

/**
 * Corrects a ledger entry in two steps: the reason (and the date of the correction), then a
 * confirmation saying what will be written — an entry of the opposite amount; the entry itself
 * stays in the ledger.
 */
export function CorrectionDialog(props: CorrectionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.entry !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={t('fund.correction.title')}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {props.entry ? <CorrectionForm {...props} entry={props.entry} /> : null}
    </Dialog>
  );
}

function CorrectionForm({
  entry,
  subFundName,
  onClose,
  onCorrected,
}: CorrectionDialogProps & { entry: LedgerEntry }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [reason, setReason] = useState('');
  const [occurredOn, setOccurredOn] = useState(fundToday);
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [errors, setErrors] = useState<{ reason?: string; occurredOn?: string }>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });

  const next = () => {
    const found: typeof errors = {};
    if (reason.trim().length < 5) found.reason = t('fund.correction.reasonTooShort');
    if (!isCalendarDate(occurredOn)) found.occurredOn = t('fund.common.dateInvalid');
    else if (occurredOn < entry.occurredOn)
      found.occurredOn = t('fund.correction.dateBeforeEntry', { date: day(entry.occurredOn) });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setStep('confirm');
    // The summary replaces the form: move focus to it so it is read.
    requestAnimationFrame(() => confirmRef.current?.focus());
  };

  const save = async () => {
    setDetail(null);
    setPending(true);
    try {
      const correction = await correctEntry(entry.id, { reason: reason.trim(), occurredOn });
      await onCorrected(correction);
    } catch (error) {
      if (error instanceof ApiError) {
        const problems = formProblems(error.problem);
        setErrors(problems.fields);
        setDetail(problems.detail);
      } else {
        setDetail(error instanceof Error ? error.message : String(error));
      }
      setStep('reason');
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="hub-form">
      <dl className="hub-details hub-fund__entry">
        <div>
          <dt>{t('fund.correction.entry')}</dt>
          <dd>
            {entry.label} — {day(entry.occurredOn)}
          </dd>
        </div>
        <div>
          <dt>{t('fund.ledger.columns.subFund')}</dt>
          <dd>{subFundName}</dd>
        </div>
        <div>
          <dt>{t('fund.ledger.columns.amount')}</dt>
          <dd>{formatSignedEuros(entry.amountCents, locale)}</dd>
        </div>
      </dl>
      {step === 'reason' ? (
        <form
          className="hub-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <TextField
            label={t('fund.correction.reason')}
            description={t('fund.correction.reasonHelp')}
            isMultiline
            value={reason}
            onChange={setReason}
            isRequired
            maxLength={500}
            autoFocus
            isInvalid={Boolean(errors.reason)}
            errorMessage={errors.reason}
          />
          <TextField
            label={t('fund.correction.date')}
            description={t('fund.correction.dateHelp')}
            type="date"
            value={occurredOn}
            onChange={setOccurredOn}
            isRequired
            isInvalid={Boolean(errors.occurredOn)}
            errorMessage={errors.occurredOn}
          />
          {detail ? (
            <p className="hub-error-text" role="alert">
              {detail}
            </p>
          ) : null}
          <div className="lk-dialog__footer hub-dialog-actions">
            <Button variant="secondary" onPress={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit">{t('fund.correction.next')}</Button>
          </div>
        </form>
      ) : (
        <>
          <p className="hub-warning" tabIndex={-1} ref={confirmRef}>
            {t('fund.correction.confirmText', {
              amount: formatSignedEuros(-entry.amountCents, locale),
              subFund: subFundName,
              date: day(occurredOn),
            })}
          </p>
          <p>
            <strong>{t('fund.correction.reason')} :</strong> {reason.trim()}
          </p>
          <div className="lk-dialog__footer hub-dialog-actions">
            <Button variant="secondary" onPress={() => setStep('reason')} isDisabled={isPending}>
              {t('fund.correction.back')}
            </Button>
            <Button
              variant="danger"
              isPending={isPending}
              pendingLabel={t('fund.common.saving')}
              onPress={() => void save()}
            >
              {t('fund.correction.confirm')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

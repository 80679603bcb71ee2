import type { Booking, SeriesCancel } from '@lakou/domain/booking/rules';
import { seriesScopes } from '@lakou/domain/booking/rules';
import { Button } from '@lakou/ui/button';
import { TextField } from '@lakou/ui/form-field';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange } from '../../lib/agenda.ts';
import '../../styles/series.css';

export type SeriesScope = SeriesCancel['scope'];

/**
 * Cancelling an occurrence of a series: which ones (this one, this one and the following, the
 * whole series) and why, then a second step that says what will happen before it happens.
 */
export function SeriesCancelPanel({
  booking,
  timeZone,
  onBack,
  onCancel,
}: {
  booking: Booking;
  timeZone: string;
  onBack: () => void;
  onCancel: (scope: SeriesScope, reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [scope, setScope] = useState<SeriesScope>('one');
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmText = useRef<HTMLParagraphElement>(null);
  const name = useId();

  useEffect(() => {
    if (step === 'confirm') confirmText.current?.focus();
  }, [step]);

  const run = async () => {
    setPending(true);
    setError(null);
    try {
      await onCancel(scope, reason.trim());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };

  if (step === 'confirm') {
    return (
      <div className="hub-form">
        <p ref={confirmText} tabIndex={-1} className="hub-agenda__refusal">
          {t(`series.cancel.confirmText.${scope}`, {
            date: formatCentreRange(booking.start, booking.end, timeZone, locale),
          })}{' '}
          {t('series.cancel.reasonIs', { reason: reason.trim() })}
        </p>
        {error ? (
          <p className="hub-error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div className="hub-dialog-actions">
          <Button variant="secondary" isDisabled={pending} onPress={() => setStep('choose')}>
            {t('series.cancel.back')}
          </Button>
          <Button
            variant="danger"
            isPending={pending}
            pendingLabel={t('agenda.saving')}
            onPress={() => void run()}
          >
            {t('series.cancel.confirm')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="hub-form">
      <fieldset className="hub-series__scopes">
        <legend>{t('series.cancel.scope')}</legend>
        {seriesScopes.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name={name}
              value={s}
              checked={scope === s}
              onChange={() => setScope(s)}
            />
            {t(`series.cancel.scopes.${s}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('agenda.cancelReason')}
        value={reason}
        onChange={setReason}
        isRequired
        maxLength={500}
      />
      <div className="hub-dialog-actions">
        <Button variant="secondary" onPress={onBack}>
          {t('agenda.keepBooking')}
        </Button>
        <Button
          variant="danger"
          isDisabled={reason.trim().length === 0}
          onPress={() => setStep('confirm')}
        >
          {t('series.cancel.continue')}
        </Button>
      </div>
    </div>
  );
}

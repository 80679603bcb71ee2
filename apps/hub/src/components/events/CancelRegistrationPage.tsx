import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CancelledByLink, cancelByLink, fieldProblems } from '../../api/events.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import '../../styles/events.css';

const TOKEN = /^lkr_[A-Za-z0-9_-]{20,80}$/;

/**
 * The page of the link a visitor was given when registering: it asks before freeing the
 * places (a link opened by a mail scanner must not cancel anything), then says what happened.
 */
export function CancelRegistrationPage({ token }: { token: string | undefined }) {
  const { t } = useTranslation();
  useDocumentTitle(t('publicAgenda.cancel.title'));
  const [result, setResult] = useState<CancelledByLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const valid = token !== undefined && TOKEN.test(token);

  useEffect(() => {
    if (result || error) outcome.current?.focus();
  }, [result, error]);

  const confirm = async () => {
    if (!token) return;
    setPending(true);
    setError(null);
    try {
      setResult(await cancelByLink(token));
    } catch (failure) {
      setError(fieldProblems(failure).detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="hub-page hub-public">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('publicAgenda.cancel.title')}</h1>
      </header>
      {!valid ? (
        <div className="hub-warning" role="alert">
          <p>{t('publicAgenda.cancel.invalid')}</p>
        </div>
      ) : result ? (
        <div ref={outcome} tabIndex={-1} className="hub-notice" role="status">
          <p className="hub-notice__title">
            {result.registration.status === 'cancelled'
              ? t('publicAgenda.cancel.done', { title: result.eventTitle })
              : t('publicAgenda.cancel.unchanged', { title: result.eventTitle })}
          </p>
          <p>{t('publicAgenda.cancel.doneHelp')}</p>
        </div>
      ) : (
        <Card>
          <div className="hub-form">
            <p>{t('publicAgenda.cancel.question')}</p>
            {error ? (
              <div ref={outcome} tabIndex={-1} className="hub-error-text" role="alert">
                {error}
              </div>
            ) : null}
            <div className="hub-form__actions">
              <Button
                variant="danger"
                isPending={isPending}
                pendingLabel={t('publicAgenda.sending')}
                onPress={() => void confirm()}
              >
                {t('publicAgenda.cancel.confirm')}
              </Button>
            </div>
            <p className="hub-note">{t('publicAgenda.cancel.keepHelp')}</p>
          </div>
        </Card>
      )}
    </div>
  );
}

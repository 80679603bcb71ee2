import { Button } from '@lakou/ui/button';
import { TextField } from '@lakou/ui/form-field';
import { ErrorState } from '@lakou/ui/states';
import { createFileRoute } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { requestPasswordReset } from '../api/identity.ts';
import { RouterLink } from '../components/RouterLink.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export const Route = createFileRoute('/forgot-password')({
  component: ForgotPasswordPage,
});

function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'pending' | 'sent' | 'failed'>('idle');
  useDocumentTitle(t('forgot.title'));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setState('pending');
    try {
      await requestPasswordReset(email);
      setState('sent');
    } catch {
      // Throttled or offline: the same neutral answer would hide a real failure, so say so.
      setState('failed');
    }
  };

  return (
    <div className="hub-page hub-auth">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('forgot.title')}</h1>
        {state === 'sent' ? null : <p className="hub-page__lead">{t('forgot.lead')}</p>}
      </header>
      {state === 'sent' ? (
        <div className="hub-notice" role="status">
          <p className="hub-notice__title">{t('forgot.sentTitle')}</p>
          <p>{t('forgot.sent')}</p>
        </div>
      ) : (
        <>
          {state === 'failed' ? (
            <ErrorState title={t('errors.title')} detail={t('forgot.failed')} />
          ) : null}
          <Form className="hub-form" onSubmit={(event) => void onSubmit(event)}>
            <TextField
              name="email"
              type="email"
              label={t('forgot.email')}
              autoComplete="email"
              isRequired
              errorMessage={(validation) =>
                validation.validationDetails.valueMissing
                  ? t('signIn.emailRequired')
                  : t('signIn.emailInvalid')
              }
            />
            <div className="hub-form__actions">
              <Button
                type="submit"
                isPending={state === 'pending'}
                pendingLabel={t('forgot.pending')}
              >
                {t('forgot.submit')}
              </Button>
            </div>
          </Form>
        </>
      )}
      <p>
        <RouterLink to="/sign-in">{t('forgot.backToSignIn')}</RouterLink>
      </p>
    </div>
  );
}

import { PASSWORD_MIN_LENGTH } from '@lakou/domain/identity';
import { Button, LinkButton } from '@lakou/ui/button';
import { ErrorState } from '@lakou/ui/states';
import { createFileRoute } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { resetPassword } from '../api/identity.ts';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { resetPasswordSearch } from '../lib/search-params.ts';

export const Route = createFileRoute('/reset-password')({
  validateSearch: resetPasswordSearch,
  component: ResetPasswordPage,
});

/** Choosing a new password from an emailed link: after « mot de passe oublié » or an invitation. */
function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token, error } = Route.useSearch();
  const [state, setState] = useState<'idle' | 'pending' | 'done' | 'invalid' | 'failed'>(
    !token || error ? 'invalid' : 'idle',
  );
  const title =
    state === 'invalid'
      ? t('reset.invalidTitle')
      : state === 'done'
        ? t('reset.doneTitle')
        : t('reset.title');
  useDocumentTitle(title);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const newPassword = String(new FormData(event.currentTarget).get('newPassword') ?? '');
    setState('pending');
    try {
      await resetPassword({ newPassword, token });
      setState('done');
    } catch (failure) {
      setState(
        failure instanceof ApiError && failure.code === 'INVALID_TOKEN' ? 'invalid' : 'failed',
      );
    }
  };

  return (
    <div className="hub-page hub-auth">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{title}</h1>
      </header>
      {state === 'invalid' ? (
        <>
          <p>{t('reset.invalidBody')}</p>
          <p>
            <LinkButton href="/forgot-password" variant="primary">
              {t('reset.askAgain')}
            </LinkButton>
          </p>
        </>
      ) : state === 'done' ? (
        <>
          <p role="status">{t('reset.done')}</p>
          <p>
            <LinkButton href="/sign-in" variant="primary">
              {t('reset.goSignIn')}
            </LinkButton>
          </p>
        </>
      ) : (
        <>
          <p className="hub-page__lead">{t('reset.lead', { min: PASSWORD_MIN_LENGTH })}</p>
          {state === 'failed' ? (
            <ErrorState title={t('errors.title')} detail={t('reset.failed')} />
          ) : null}
          <Form className="hub-form" onSubmit={(event) => void onSubmit(event)}>
            <NewPasswordFields label={t('reset.newPassword')} confirmLabel={t('reset.confirm')} />
            <div className="hub-form__actions">
              <Button
                type="submit"
                isPending={state === 'pending'}
                pendingLabel={t('reset.pending')}
              >
                {t('reset.submit')}
              </Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

import { Button } from '@lakou/ui/button';
import { TextField } from '@lakou/ui/form-field';
import { ErrorState } from '@lakou/ui/states';
import { useQueryClient } from '@tanstack/react-query';
import { createFileRoute, redirect, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fetchMe, identityKeys, meQuery, signIn } from '../api/identity.ts';
import { safeRedirect } from '../auth/actor.ts';
import { signInErrorMessage } from '../auth/authErrors.ts';
import { RouterLink } from '../components/RouterLink.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useLocale } from '../i18n/index.ts';
import { signInSearch } from '../lib/search-params.ts';

export const Route = createFileRoute('/sign-in')({
  validateSearch: signInSearch,
  beforeLoad: async ({ context: { queryClient }, search }) => {
    // Already signed in: nothing to do here.
    const me = await queryClient.ensureQueryData(meQuery());
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});

function SignInPage() {
  const { t } = useTranslation();
  const { language } = useLocale();
  const search = Route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  useDocumentTitle(t('signIn.title'));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await signIn({
        email: String(data.get('email') ?? '').trim(),
        password: String(data.get('password') ?? ''),
      });
      // Whatever was cached was fetched as a visitor.
      queryClient.clear();
      queryClient.setQueryData(identityKeys.me, await fetchMe());
      await router.navigate({ href: safeRedirect(search.redirect), replace: true });
    } catch (failure) {
      setError(signInErrorMessage(failure, t, language));
      setPending(false);
    }
  };

  return (
    <div className="hub-page hub-auth">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('signIn.title')}</h1>
        <p className="hub-page__lead">{t('signIn.lead')}</p>
      </header>
      {error ? <ErrorState title={t('signIn.errorTitle')} detail={error} /> : null}
      <Form className="hub-form" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="username"
          isRequired
          errorMessage={(validation) =>
            validation.validationDetails.valueMissing
              ? t('signIn.emailRequired')
              : t('signIn.emailInvalid')
          }
        />
        <TextField
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          isRequired
          errorMessage={t('signIn.passwordRequired')}
        />
        <div className="hub-form__actions">
          <Button type="submit" isPending={isPending} pendingLabel={t('signIn.pending')}>
            {t('signIn.submit')}
          </Button>
          <RouterLink to="/forgot-password">{t('signIn.forgot')}</RouterLink>
        </div>
      </Form>
    </div>
  );
}

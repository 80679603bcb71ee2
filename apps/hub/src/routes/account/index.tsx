import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { ErrorState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { createFileRoute } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { changePassword } from '../../api/identity.ts';
import { centresQuery } from '../../api/queries.ts';
import { sortAssignments } from '../../auth/actor.ts';
import { requireSignedIn } from '../../auth/guard.ts';
import { useCan, useMe } from '../../auth/session.ts';
import { useSignOut } from '../../auth/useSignOut.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import {
  allCentresFilters,
  useAssignmentLabel,
  useCentreName,
} from '../../components/useCentreNames.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLocale } from '../../i18n/index.ts';

export const Route = createFileRoute('/account/')({
  beforeLoad: requireSignedIn,
  loader: ({ context: { queryClient } }) =>
    queryClient.ensureQueryData(centresQuery({ ...allCentresFilters })),
  component: AccountPage,
});

function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const assignmentLabel = useAssignmentLabel();
  const centreName = useCentreName();
  useDocumentTitle(t('account.title'));
  if (!me) return null;

  const roles = sortAssignments(me.roles, centreName);

  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('account.title')}</h1>
      </header>
      <div className="hub-centre__grid">
        <div className="hub-stack">
          <Card title={t('account.profile')}>
            <dl className="hub-details">
              <div>
                <dt>{t('account.name')}</dt>
                <dd>{me.name}</dd>
              </div>
              <div>
                <dt>{t('account.email')}</dt>
                <dd>{me.email}</dd>
              </div>
            </dl>
            {me.via === 'token' ? <p className="hub-note">{t('account.viaToken')}</p> : null}
          </Card>
          <Card title={t('account.roles')}>
            {roles.length === 0 ? (
              <p>{t('account.noRoles')}</p>
            ) : (
              <ul className="hub-list">
                {roles.map((assignment) => (
                  <li key={`${assignment.role}@${assignment.centreId ?? '*'}`}>
                    {assignmentLabel(assignment)}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <RouterLink to="/account/tokens">{t('account.tokensLink')}</RouterLink>
            </p>
            {can('booking.read') ? (
              <p>
                <RouterLink to="/account/calendars">{t('calendars.accountLink')}</RouterLink>
              </p>
            ) : null}
          </Card>
        </div>
        <div className="hub-stack">
          <ChangePassword />
          <SignOutEverywhere />
        </div>
      </div>
    </div>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const { language } = useLocale();
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new key empties the form after a success.
  const [formKey, setFormKey] = useState(0);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await changePassword({
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
      });
      toast.success(t('account.passwordChanged'));
      setFormKey((key) => key + 1);
    } catch (failure) {
      const wrong =
        failure instanceof ApiError &&
        (failure.status === 401 || failure.code === 'INVALID_PASSWORD' || failure.status === 400);
      setError(
        wrong
          ? t('account.wrongPassword')
          : language === 'fr' && failure instanceof ApiError && failure.problem.detail
            ? failure.problem.detail
            : t('account.passwordFailed'),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <Card title={t('account.password')}>
      <p className="hub-card__lead">{t('account.passwordLead')}</p>
      {error ? <ErrorState title={t('account.passwordFailed')} detail={error} /> : null}
      <Form key={formKey} className="hub-form" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          name="currentPassword"
          type="password"
          label={t('account.currentPassword')}
          autoComplete="current-password"
          isRequired
          errorMessage={t('signIn.passwordRequired')}
        />
        <NewPasswordFields
          label={t('account.newPassword')}
          confirmLabel={t('account.confirmPassword')}
        />
        <div className="hub-form__actions">
          <Button type="submit" isPending={isPending} pendingLabel={t('account.changing')}>
            {t('account.changePassword')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Card title={t('account.sessions')}>
      <p className="hub-card__lead">{t('account.sessionsLead')}</p>
      <div>
        <ConfirmDialog
          trigger={<Button variant="danger">{t('account.signOutEverywhere')}</Button>}
          title={t('account.confirmTitle')}
          confirmLabel={t('account.signOutEverywhere')}
          cancelLabel={t('app.cancel')}
          pendingLabel={t('account.signingOut')}
          isDestructive
          onConfirm={() => signOut({ everywhere: true })}
        >
          <p>{t('account.confirmBody')}</p>
        </ConfirmDialog>
      </div>
    </Card>
  );
}

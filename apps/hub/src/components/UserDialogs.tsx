import type { UserSummary } from '@lakou/domain/identity';
import { Button } from '@lakou/ui/button';
import { ConfirmDialog, Dialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { ErrorState } from '@lakou/ui/states';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { identityKeys, inviteUser, resendInvitation, updateUser } from '../api/identity.ts';
import { problemMessage } from '../auth/authErrors.ts';
import { useLocale } from '../i18n/index.ts';
import {
  assignmentsOf,
  checkRoleDrafts,
  type RoleDraft,
  RolesEditor,
  roleDraft,
} from './RolesEditor.tsx';

/** The invitation form or the edit form of a user, in a dialog. */
export interface UserFormDialogProps {
  /** `null`: invite a new user. */
  user: UserSummary | null;
  isOpen: boolean;
  onClose: () => void;
  /** What was done, to show on the page once the dialog has closed. */
  onSaved: (message: string) => void;
}

export function UserFormDialog({ user, isOpen, onClose, onSaved }: UserFormDialogProps) {
  const { t } = useTranslation();
  const title = user ? t('users.editTitle', { name: user.name }) : t('users.inviteTitle');
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={title}
      closeLabel={t('app.close')}
      isDismissable={false}
      size="large"
    >
      {/* Mounted only while open: every opening starts from the user's current values. */}
      {isOpen ? (
        <UserForm
          user={user}
          onCancel={onClose}
          onSaved={(message) => {
            onSaved(message);
            onClose();
          }}
        />
      ) : null}
    </Dialog>
  );
}

interface UserFormProps {
  user: UserSummary | null;
  onCancel: () => void;
  onSaved: (message: string) => void;
}

function UserForm({ user, onCancel, onSaved }: UserFormProps) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  const formId = useId();
  const [roles, setRoles] = useState<RoleDraft[]>(() =>
    user ? user.roles.map((r) => roleDraft(r)) : [roleDraft()],
  );
  const [submitted, setSubmitted] = useState(false);
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<{ summary: string; details: string[] } | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const check = checkRoleDrafts(roles);
    if (check.isEmpty || check.rows.size > 0) return;
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    setPending(true);
    setError(null);
    setServerErrors({});
    try {
      let message: string;
      if (user) {
        const saved = await updateUser(user.id, { name, roles: assignmentsOf(roles) });
        message = t('users.saved', { name: saved.name });
      } else {
        const email = String(data.get('email') ?? '').trim();
        await inviteUser({ name, email, roles: assignmentsOf(roles) });
        message = t('users.invited', { email });
      }
      await queryClient.invalidateQueries({ queryKey: identityKeys.users });
      void queryClient.invalidateQueries({ queryKey: identityKeys.audit });
      onSaved(message);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        setServerErrors({ email: t('users.emailTaken') });
      } else {
        const fields: Record<string, string> = {};
        const details: string[] = [];
        if (failure instanceof ApiError) {
          for (const e of failure.problem.errors ?? []) {
            if (e.field === 'name' || e.field === 'email') fields[e.field] = e.message;
            else details.push(e.message);
          }
        }
        setServerErrors(fields);
        setError({ summary: problemMessage(failure, t('users.failed'), language), details });
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Form
        id={formId}
        className="hub-form"
        validationErrors={serverErrors}
        onSubmit={(event) => void onSubmit(event)}
      >
        {user ? null : <p className="hub-page__lead">{t('users.inviteLead')}</p>}
        {error ? (
          <ErrorState
            title={t('users.failed')}
            detail={
              <>
                {error.summary}
                {error.details.length > 0 ? (
                  <ul className="hub-list">
                    {error.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            }
          />
        ) : null}
        <TextField
          name="name"
          label={t('users.name')}
          defaultValue={user?.name ?? ''}
          autoComplete="off"
          isRequired
          maxLength={120}
          validate={(value) => (value.trim().length < 2 ? t('users.nameTooShort') : null)}
        />
        {user ? null : (
          <TextField
            name="email"
            type="email"
            label={t('users.email')}
            autoComplete="off"
            isRequired
            maxLength={254}
            errorMessage={(validation) =>
              validation.validationDetails.valueMissing || validation.validationDetails.typeMismatch
                ? t('users.emailInvalid')
                : validation.validationErrors.join(' ')
            }
          />
        )}
        <RolesEditor value={roles} onChange={setRoles} showErrors={submitted} />
      </Form>
      {user?.active && user.lastSignInAt === null ? <ResendInvitation user={user} /> : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onCancel} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button
          type="submit"
          form={formId}
          isPending={isPending}
          pendingLabel={user ? t('users.saving') : t('users.inviting')}
        >
          {user ? t('users.save') : t('users.sendInvite')}
        </Button>
      </div>
    </>
  );
}

function ResendInvitation({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const resend = async () => {
    setPending(true);
    setResult(null);
    try {
      await resendInvitation(user.id);
      setResult({ ok: true, text: t('users.invitationResent', { email: user.email }) });
      void queryClient.invalidateQueries({ queryKey: identityKeys.audit });
    } catch (failure) {
      setResult({ ok: false, text: problemMessage(failure, t('users.failed'), language) });
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="hub-resend">
      <p className="hub-note">{t('users.neverUsed')}</p>
      {/* Said here rather than in a toast, which would cover the dialog's buttons. */}
      <p role="status" className={result?.ok === false ? 'hub-error-text' : 'hub-success-text'}>
        {result?.text}
      </p>
      <Button
        variant="secondary"
        isPending={isPending}
        pendingLabel={t('users.resending')}
        onPress={() => void resend()}
      >
        {t('users.resendInvitation')}
      </Button>
    </div>
  );
}

/** Deactivating or reactivating an account, after confirmation. */
export function UserStatusDialog({
  user,
  onClose,
  onSaved,
}: {
  user: UserSummary | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<UserSummary | null>(user);
  if (user && user !== shown) setShown(user);
  const deactivating = shown?.active ?? true;
  const name = shown?.name ?? '';

  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!user) return;
    setError(null);
    try {
      await updateUser(user.id, { active: !user.active });
    } catch (failure) {
      // E.g. the last admin: the API says why, in the dialog (a toast would cover its buttons).
      setError(problemMessage(failure, t('users.failed'), language));
      throw failure;
    }
    await queryClient.invalidateQueries({ queryKey: identityKeys.users });
    void queryClient.invalidateQueries({ queryKey: identityKeys.audit });
    onSaved(deactivating ? t('users.deactivated', { name }) : t('users.reactivated', { name }));
  };

  return (
    <ConfirmDialog
      isOpen={user !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(null);
          onClose();
        }
      }}
      title={
        deactivating ? t('users.deactivateTitle', { name }) : t('users.reactivateTitle', { name })
      }
      confirmLabel={deactivating ? t('users.deactivate') : t('users.reactivate')}
      cancelLabel={t('app.cancel')}
      pendingLabel={t('users.saving')}
      isDestructive={deactivating}
      onConfirm={confirm}
    >
      <p>
        {deactivating ? t('users.deactivateBody', { name }) : t('users.reactivateBody', { name })}
      </p>
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

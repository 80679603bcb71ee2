import { PASSWORD_MIN_LENGTH } from '@lakou/domain/identity';
import { TextField } from '@lakou/ui/form-field';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Longest password the API accepts (the domain's `password` schema). */
export const PASSWORD_MAX_LENGTH = 128;

export interface NewPasswordFieldsProps {
  /** Field names in the form. */
  name?: string;
  confirmName?: string;
  label: string;
  confirmLabel: string;
}

/**
 * A new password typed twice: at least `PASSWORD_MIN_LENGTH` characters, and both the same.
 * Checked on submit by the form (native validation), with messages announced per field.
 */
export function NewPasswordFields({
  name = 'newPassword',
  confirmName = 'confirmPassword',
  label,
  confirmLabel,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <>
      <TextField
        name={name}
        type="password"
        label={label}
        description={t('account.newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        isRequired
        value={value}
        onChange={setValue}
        validate={(text) =>
          text.length < PASSWORD_MIN_LENGTH
            ? t('reset.tooShort', { min: PASSWORD_MIN_LENGTH })
            : text.length > PASSWORD_MAX_LENGTH
              ? t('reset.tooLong', { max: PASSWORD_MAX_LENGTH })
              : null
        }
      />
      <TextField
        name={confirmName}
        type="password"
        label={confirmLabel}
        autoComplete="new-password"
        isRequired
        validate={(text) => (text !== value ? t('reset.mismatch') : null)}
      />
    </>
  );
}

import { type Donor, type DonorKind, donorKinds } from '@lakou/domain/fund';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { useTranslation } from 'react-i18next';
import type { NewDonor } from '../../api/donations.ts';

/** A donor as the fields hold it (text, empty when unknown). */
export interface DonorDraft {
  kind: DonorKind;
  name: string;
  email: string;
  phone: string;
  addressLine: string;
  postcode: string;
  city: string;
  country: string;
  siret: string;
  consentToContact: boolean;
  notes: string;
}

export type DonorFieldErrors = Partial<Record<keyof DonorDraft, string>>;

export function emptyDonorDraft(name = ''): DonorDraft {
  return {
    kind: 'individual',
    name,
    email: '',
    phone: '',
    addressLine: '',
    postcode: '',
    city: '',
    country: '',
    siret: '',
    consentToContact: false,
    notes: '',
  };
}

export function draftOf(donor: Donor): DonorDraft {
  return {
    kind: donor.kind,
    name: donor.name,
    email: donor.email ?? '',
    phone: donor.phone ?? '',
    addressLine: donor.addressLine ?? '',
    postcode: donor.postcode ?? '',
    city: donor.city ?? '',
    country: donor.country ?? '',
    siret: donor.siret ?? '',
    consentToContact: donor.consentToContact,
    notes: donor.notes ?? '',
  };
}

/** What the API receives: empty texts become null (the e-mail too, which zod would refuse as ''). */
export function inputOf(draft: DonorDraft): NewDonor {
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    email: orNull(draft.email),
    phone: orNull(draft.phone),
    addressLine: orNull(draft.addressLine),
    postcode: orNull(draft.postcode),
    city: orNull(draft.city),
    country: orNull(draft.country),
    siret: orNull(draft.siret),
    consentToContact: draft.consentToContact,
    notes: orNull(draft.notes),
  };
}

/**
 * The fields of a donor. `compact` (inside the cheque form) shows what a receipt needs — kind,
 * name, address, e-mail — and leaves the rest for the donor's page.
 */
export function DonorFields({
  draft,
  onChange,
  errors,
  compact = false,
}: {
  draft: DonorDraft;
  onChange: (draft: DonorDraft) => void;
  errors: DonorFieldErrors;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof DonorDraft>(key: K, value: DonorDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const text = (
    key: Exclude<keyof DonorDraft, 'kind' | 'consentToContact'>,
    max: number,
    extra: object = {},
  ) => (
    <TextField
      label={t(`donations.donor.fields.${key}`)}
      value={draft[key]}
      onChange={(value) => set(key, value)}
      maxLength={max}
      isInvalid={Boolean(errors[key])}
      errorMessage={errors[key]}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <>
      <SelectField
        label={t('donations.donor.fields.kind')}
        options={donorKinds.map((k) => ({ id: k, label: t(`donations.donorKinds.${k}`) }))}
        selectedKey={draft.kind}
        onSelectionChange={(key) => set('kind', (key ?? 'individual') as DonorKind)}
        isRequired
        isInvalid={Boolean(errors.kind)}
        errorMessage={errors.kind}
      />
      {text('name', 160, { isRequired: true, description: t('donations.donor.nameHelp') })}
      {text('addressLine', 200, { description: t('donations.donor.addressHelp') })}
      <div className="hub-donations__pair">
        {text('postcode', 10, { inputMode: 'numeric' })}
        {text('city', 100)}
      </div>
      {text('email', 254, { type: 'email', inputMode: 'email' })}
      {compact ? null : (
        <>
          {text('phone', 30, { type: 'tel' })}
          {text('country', 60)}
          {draft.kind === 'individual' ? null : text('siret', 20, { inputMode: 'numeric' })}
          <Checkbox
            label={t('donations.donor.fields.consentToContact')}
            isSelected={draft.consentToContact}
            onChange={(value) => set('consentToContact', value)}
          />
          {text('notes', 1000, { isMultiline: true })}
        </>
      )}
    </>
  );
}

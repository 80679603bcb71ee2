import type { Facility, FacilityInput } from '@lakou/domain/circular';
import { isSiret, normaliseSiret } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { toast } from '@lakou/ui/toast';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFacility, updateFacility } from '../../api/circular.ts';
import { refusalOf } from '../../api/donations.ts';

type Field = keyof FacilityInput;
type Errors = Partial<Record<Field, string>>;

/**
 * « Nouvelle installation » (or its edit): the facility's name, SIRET (its Luhn check said here
 * before the API is asked), address, postcode and town. A SIRET already listed is refused on
 * its field by the API (409).
 */
export function FacilityDialog({
  isOpen,
  facility,
  onClose,
  onSaved,
}: {
  isOpen: boolean;
  facility: Facility | null;
  onClose: () => void;
  onSaved: (facility: Facility) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={facility ? t('circular.facility.editTitle') : t('circular.facility.newTitle')}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? <FacilityForm facility={facility} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function FacilityForm({
  facility,
  onClose,
  onSaved,
}: {
  facility: Facility | null;
  onClose: () => void;
  onSaved: (facility: Facility) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FacilityInput>({
    name: facility?.name ?? '',
    siret: facility?.siret ?? '',
    addressLine: facility?.addressLine ?? '',
    postcode: facility?.postcode ?? '',
    city: facility?.city ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const set = (key: Field, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const next: Errors = {};
    const input: FacilityInput = {
      name: draft.name.trim(),
      siret: normaliseSiret(draft.siret),
      addressLine: draft.addressLine.trim(),
      postcode: draft.postcode.trim(),
      city: draft.city.trim(),
    };
    for (const key of ['name', 'addressLine', 'city'] as const)
      if (input[key].length < 2) next[key] = t('circular.facility.required');
    if (!isSiret(input.siret)) next.siret = t('circular.facility.siretInvalid');
    if (!/^\d{5}$/.test(input.postcode)) next.postcode = t('circular.facility.postcodeInvalid');
    setErrors(next);
    setDetail(null);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      const made = facility
        ? await updateFacility(facility.id, input)
        : await createFacility(input);
      toast.success(
        t(facility ? 'circular.facility.updated' : 'circular.facility.created', {
          name: made.name,
        }),
      );
      await onSaved(made);
    } catch (error) {
      const refusal = refusalOf(error);
      const fields = refusal.fields as Errors;
      // A SIRET already listed (409) is said on the SIRET field.
      if (refusal.code === 'SIRET_TAKEN' || (error as { status?: number }).status === 409)
        fields.siret ??= refusal.detail;
      setErrors(fields);
      setDetail(Object.keys(fields).length > 0 ? null : refusal.detail);
    } finally {
      setPending(false);
    }
  };

  const text = (key: Field, label: string, props: object = {}) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(value) => set(key, value)}
      isRequired
      autoComplete="off"
      isInvalid={Boolean(errors[key])}
      errorMessage={errors[key]}
      {...props}
    />
  );

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {text('name', t('circular.facility.name'), { maxLength: 120 })}
      {text('siret', t('circular.facility.siret'), {
        description: t('circular.facility.siretHelp'),
        inputMode: 'numeric',
        maxLength: 20,
      })}
      {text('addressLine', t('circular.facility.address'), { maxLength: 200 })}
      <div className="hub-circular__row">
        {text('postcode', t('circular.facility.postcode'), { inputMode: 'numeric', maxLength: 5 })}
        {text('city', t('circular.facility.city'), { maxLength: 80 })}
      </div>
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('circular.common.saving')}>
          {t('circular.facility.submit')}
        </Button>
      </div>
    </form>
  );
}

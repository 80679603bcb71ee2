import type { Donor } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDonor, refusalOf, updateDonor } from '../../api/donations.ts';
import {
  type DonorDraft,
  type DonorFieldErrors,
  DonorFields,
  draftOf,
  emptyDonorDraft,
  inputOf,
} from './DonorFields.tsx';

/** « Nouveau donateur » or « Modifier le donateur »: every field, the API's messages on them. */
export function DonorDialog({
  isOpen,
  donor,
  onClose,
  onSaved,
}: {
  isOpen: boolean;
  /** The donor to edit; null to create one. */
  donor: Donor | null;
  onClose: () => void;
  onSaved: (donor: Donor) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={
        donor ? t('donations.donor.editTitle', { name: donor.name }) : t('donations.donor.newTitle')
      }
      closeLabel={t('app.close')}
      isDismissable={false}
      size="large"
    >
      {isOpen ? <DonorForm donor={donor} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function DonorForm({
  donor,
  onClose,
  onSaved,
}: {
  donor: Donor | null;
  onClose: () => void;
  onSaved: (donor: Donor) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DonorDraft>(() =>
    donor ? draftOf(donor) : emptyDonorDraft(),
  );
  const [errors, setErrors] = useState<DonorFieldErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    setPending(true);
    setDetail(null);
    try {
      const saved = donor
        ? await updateDonor(donor.id, inputOf(draft))
        : await createDonor(inputOf(draft));
      setErrors({});
      await onSaved(saved);
    } catch (error) {
      const refusal = refusalOf(error);
      setErrors(refusal.fields as DonorFieldErrors);
      setDetail(refusal.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DonorFields draft={draft} onChange={setDraft} errors={errors} />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('donations.saving')}>
          {t('donations.donor.save')}
        </Button>
      </div>
    </form>
  );
}

import { isEmptyCustomValue } from '@lakou/domain/config';
import type { Donation } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { toast } from '@lakou/ui/toast';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { donationKeys, refusalOf, updateDonationCustom } from '../../api/donations.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFields, useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';

/** The fields of a gift: the network's `donation` ones for money, the centre's for goods. */
function scopeOf(d: Donation) {
  return d.kind === 'money'
    ? ({ entity: 'donation', centreId: null } as const)
    : ({ entity: 'in_kind_donation', centreId: d.centreId } as const);
}

/**
 * « À compléter » beside a gift that misses a required custom value (a bank line imported
 * before the field existed, or without it), and the dialog that fills it; « Compléter » on the
 * others when fields apply. Nothing when no field applies to the gift.
 */
export function GiftCustomValues({
  donation,
  canWrite,
}: {
  donation: Donation;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const scope = scopeOf(donation);
  const { definitions } = useCustomFields(scope.entity, scope.centreId);
  const [open, setOpen] = useState(false);
  if (definitions.length === 0) return null;
  const missing = definitions.filter(
    (d) => d.required && isEmptyCustomValue(donation.custom?.[d.key]),
  );
  return (
    <>
      {missing.length > 0 ? (
        <Badge tone="warning">{t('donations.custom.missing', { count: missing.length })}</Badge>
      ) : null}
      {canWrite ? (
        <Button
          variant="ghost"
          size="small"
          onPress={() => setOpen(true)}
          aria-label={t('donations.custom.editOf', { date: donation.receivedOn })}
        >
          {t('donations.custom.edit')}
        </Button>
      ) : null}
      <Dialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('donations.custom.title')}
        closeLabel={t('app.close')}
      >
        {open ? <GiftCustomForm donation={donation} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function GiftCustomForm({ donation, onDone }: { donation: Donation; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scope = scopeOf(donation);
  const custom = useCustomFieldsForm({ ...scope, mode: 'update', stored: donation.custom });
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const checked = custom.check();
    if (!checked.ok) return;
    setPending(true);
    setError(null);
    try {
      await updateDonationCustom(donation.id, checked.values);
      await queryClient.invalidateQueries({ queryKey: donationKeys.all });
      toast.success(t('donations.custom.saved'));
      onDone();
    } catch (failure) {
      if (!custom.showProblems(failure)) setError(refusalOf(failure).detail);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="hub-form">
      <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onDone} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button
          onPress={() => void save()}
          isPending={isPending}
          pendingLabel={t('donations.saving')}
        >
          {t('donations.custom.save')}
        </Button>
      </div>
    </div>
  );
}

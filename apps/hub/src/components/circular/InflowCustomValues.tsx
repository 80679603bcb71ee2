import type { Inflow } from '@lakou/domain/circular';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { toast } from '@lakou/ui/toast';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { circularKeys, updateInflowCustom } from '../../api/circular.ts';
import { refusalOf } from '../../api/donations.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFields, useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';

/**
 * « Compléter » on an inflow of the history when its centre has inflow fields: they open in a
 * dialog with the stored values (the inflow of an in-kind gift got only the defaults).
 */
export function InflowCustomValues({ inflow }: { inflow: Inflow }) {
  const { t } = useTranslation();
  const { definitions } = useCustomFields('inflow', inflow.centreId);
  const [open, setOpen] = useState(false);
  if (definitions.length === 0) return null;
  return (
    <>
      <Button
        variant="ghost"
        size="small"
        onPress={() => setOpen(true)}
        aria-label={t('circular.custom.editOf', { date: inflow.occurredOn })}
      >
        {t('circular.custom.edit')}
      </Button>
      <Dialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('circular.custom.title')}
        closeLabel={t('app.close')}
      >
        {open ? <InflowCustomForm inflow={inflow} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function InflowCustomForm({ inflow, onDone }: { inflow: Inflow; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const custom = useCustomFieldsForm({
    entity: 'inflow',
    centreId: inflow.centreId,
    mode: 'update',
    stored: inflow.custom,
  });
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const checked = custom.check();
    if (!checked.ok) return;
    setPending(true);
    setError(null);
    try {
      await updateInflowCustom(inflow.id, checked.values);
      await queryClient.invalidateQueries({ queryKey: circularKeys.all });
      toast.success(t('circular.custom.saved'));
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
          pendingLabel={t('circular.common.saving')}
        >
          {t('circular.custom.save')}
        </Button>
      </div>
    </div>
  );
}

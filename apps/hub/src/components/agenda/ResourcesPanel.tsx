import {
  type Resource,
  type ResourceKind,
  resourceKinds,
  type Tariff,
} from '@lakou/domain/booking/rules';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { toast } from '@lakou/ui/toast';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookingKeys, createResource } from '../../api/booking.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { useListItems } from '../lists/useListItems.ts';
import { refusalOf, wholeNumber } from './booking-refusal.ts';

/** The centre's bookable resources, and for its managers a way to add one. */
export function ResourcesPanel({
  centreId,
  resources,
  canManage,
}: {
  centreId: string;
  resources: Resource[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const kinds = useResourceKinds();
  const [isOpen, setOpen] = useState(false);
  return (
    <Card title={t('agenda.resources')}>
      {resources.length === 0 ? (
        <p>{t('agenda.noResourcesYet')}</p>
      ) : (
        <ul className="hub-list">
          {resources.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong>{' '}
              <span className="hub-muted">
                ({kinds.labelOf(r.kind)}, {t('agenda.capacityOf', { count: r.capacity })},{' '}
                {t('agenda.hourlyRate', { rate: formatCents(r.tariff.hourlyCents.member, locale) })}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          <p>
            <Button variant="secondary" onPress={() => setOpen(true)}>
              {t('agenda.addResource')}
            </Button>
          </p>
          <Dialog
            isOpen={isOpen}
            onOpenChange={setOpen}
            title={t('agenda.addResource')}
            closeLabel={t('app.close')}
          >
            {isOpen ? <ResourceForm centreId={centreId} onDone={() => setOpen(false)} /> : null}
          </Dialog>
        </>
      ) : null}
    </Card>
  );
}

/**
 * The resource kinds of the network's editable list: the active ones offered, any one labelled
 * (the catalog's names until the list has loaded).
 */
function useResourceKinds() {
  const { t } = useTranslation();
  return useListItems('resource_kind', (key) =>
    (resourceKinds as readonly string[]).includes(key)
      ? t(`agenda.kinds.${key as (typeof resourceKinds)[number]}`)
      : key,
  );
}

const SINGLE_RATE = '';

function ResourceForm({ centreId, onDone }: { centreId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const kinds = useResourceKinds();
  const templates = useListItems('tariff');
  const [template, setTemplate] = useState(SINGLE_RATE);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ResourceKind>('room');
  const [capacity, setCapacity] = useState('10');
  const [hourlyEuros, setHourlyEuros] = useState('0');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  /** A template's rates (checked by the API when the template was saved). */
  const templateTariff = (key: string): Tariff | null => {
    const data = templates.items.find((i) => i.key === key)?.data as
      | { tariff?: Tariff }
      | undefined;
    return data?.tariff ?? null;
  };

  const save = async () => {
    setPending(true);
    setError(null);
    const cents = Math.round((Number(hourlyEuros.replace(',', '.')) || 0) * 100);
    try {
      const created = await createResource({
        centreId,
        kind,
        name: name.trim(),
        description: null,
        capacity: wholeNumber(capacity),
        amenities: [],
        stepFree: false,
        bookableHours: null,
        minDurationMinutes: 30,
        maxDurationMinutes: 480,
        bufferMinutes: 0,
        requiresApproval: false,
        tariff: templateTariff(template) ?? {
          hourlyCents: { member: cents, qpv_resident: cents, association: cents, company: cents },
          flatFeeCents: 0,
        },
      });
      await queryClient.invalidateQueries({ queryKey: bookingKeys.resources(centreId) });
      toast.success(t('agenda.resourceAdded', { name: created.name }));
      onDone();
    } catch (failure) {
      const refusal = refusalOf(failure);
      setError(
        [refusal.detail, ...refusal.check.problems.map((p) => p.message)].filter(Boolean).join(' '),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="hub-form">
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <TextField
        label={t('agenda.resourceName')}
        value={name}
        onChange={setName}
        isRequired
        maxLength={120}
      />
      <SelectField
        label={t('agenda.resourceKind')}
        options={
          kinds.options ?? resourceKinds.map((k) => ({ id: k, label: t(`agenda.kinds.${k}`) }))
        }
        selectedKey={kind}
        onSelectionChange={(key) => setKind(String(key) as ResourceKind)}
      />
      <TextField
        label={t('agenda.capacity')}
        inputMode="numeric"
        value={capacity}
        onChange={setCapacity}
        isRequired
        maxLength={5}
      />
      {templates.options && templates.options.length > 0 ? (
        <SelectField
          label={t('lists.pickers.tariffTemplate')}
          description={t('lists.pickers.tariffHelp')}
          options={[
            { id: SINGLE_RATE, label: t('lists.pickers.singleRate') },
            ...templates.options,
          ]}
          selectedKey={template}
          onSelectionChange={(key) => setTemplate(key === null ? SINGLE_RATE : String(key))}
        />
      ) : null}
      {template === SINGLE_RATE ? (
        <TextField
          label={t('agenda.hourlyEuros')}
          inputMode="decimal"
          value={hourlyEuros}
          onChange={setHourlyEuros}
          maxLength={8}
        />
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onDone} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button
          onPress={() => void save()}
          isDisabled={name.trim().length < 2 || wholeNumber(capacity) < 1}
          isPending={isPending}
          pendingLabel={t('agenda.saving')}
        >
          {t('agenda.addResource')}
        </Button>
      </div>
    </div>
  );
}

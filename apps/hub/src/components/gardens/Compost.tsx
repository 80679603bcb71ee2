import type { Garden } from '@lakou/domain/gardens';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { ConfirmDialog, Dialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/events.ts';
import {
  type CompostBatch,
  compostQuery,
  deleteCompost,
  markCompostReady,
  startCompost,
} from '../../api/gardens.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { formatKilograms, harvestGrams } from '../../lib/gardens.ts';

/**
 * Compost made in the garden from the centre's bio-waste: a batch takes its input from the
 * bio-waste stock (refused when there is not that much), and is weighed again once ready.
 */
export function Compost({
  garden,
  today,
  canWrite,
  onChanged,
}: {
  garden: Garden;
  today: string;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const batches = useQuery(compostQuery(garden.id));
  const [ready, setReady] = useState<CompostBatch | null>(null);
  const [removing, setRemoving] = useState<CompostBatch | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });
  const sorted = [...(batches.data ?? [])].sort((a, b) => b.startedOn.localeCompare(a.startedOn));

  return (
    <Card title={t('gardens.compost.title')}>
      <p className="hub-card__lead">{t('gardens.compost.lead')}</p>
      <p className="hub-gardens__notice" role="status">
        {notice}
      </p>
      {failure ? (
        <p className="hub-error-text" role="alert">
          {failure}
        </p>
      ) : null}
      {batches.isPending ? (
        <LoadingState label={t('gardens.compost.loading')} lines={2} />
      ) : batches.isError ? (
        <ErrorState
          title={t('gardens.compost.loadFailed')}
          detail={fieldProblems(batches.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void batches.refetch()}
        />
      ) : sorted.length === 0 ? (
        <EmptyState title={t('gardens.compost.empty')} />
      ) : (
        <ul className="hub-gardens__batches">
          {sorted.map((batch) => (
            <li key={batch.id} className="hub-gardens__batch">
              <p>
                <strong>{t('gardens.compost.started', { date: day(batch.startedOn) })}</strong>{' '}
                {batch.readyOn ? (
                  <Badge tone="success">{t('gardens.compost.ready')}</Badge>
                ) : (
                  <Badge tone="info">{t('gardens.compost.maturing')}</Badge>
                )}
              </p>
              <p className="hub-muted">
                {t('gardens.compost.input', {
                  mass: formatKilograms(batch.inputGrams, locale),
                  measurement: t(`gardens.compost.measurements.${batch.measurement}`),
                })}
                {batch.readyOn && batch.compostGrams !== null
                  ? ` · ${t('gardens.compost.output', {
                      mass: formatKilograms(batch.compostGrams, locale),
                      date: day(batch.readyOn),
                    })}`
                  : ''}
              </p>
              {canWrite ? (
                <div className="hub-row-actions">
                  {batch.readyOn ? null : (
                    <Button variant="secondary" onPress={() => setReady(batch)}>
                      {t('gardens.compost.markReady')}
                      <span className="lk-visually-hidden">
                        {' '}
                        {t('gardens.compost.started', { date: day(batch.startedOn) })}
                      </span>
                    </Button>
                  )}
                  <Button variant="ghost" onPress={() => setRemoving(batch)}>
                    {t('gardens.compost.delete')}
                    <span className="lk-visually-hidden">
                      {' '}
                      {t('gardens.compost.started', { date: day(batch.startedOn) })}
                    </span>
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <StartForm
          garden={garden}
          today={today}
          onStarted={async (batch) => {
            setNotice(
              t('gardens.compost.startedNotice', {
                mass: formatKilograms(batch.inputGrams, locale),
              }),
            );
            await onChanged();
          }}
        />
      ) : null}
      <Dialog
        isOpen={ready !== null}
        onOpenChange={(open) => {
          if (!open) setReady(null);
        }}
        title={t('gardens.compost.readyTitle')}
        closeLabel={t('app.close')}
        isDismissable={false}
      >
        {ready ? (
          <ReadyForm
            batch={ready}
            today={today}
            onClose={() => setReady(null)}
            onSaved={async (batch) => {
              setReady(null);
              setNotice(
                t('gardens.compost.readyNotice', {
                  mass: formatKilograms(batch.compostGrams ?? 0, locale),
                }),
              );
              await onChanged();
            }}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={t('gardens.compost.deleteTitle')}
        confirmLabel={t('gardens.compost.deleteConfirm')}
        cancelLabel={t('app.cancel')}
        pendingLabel={t('gardens.common.saving')}
        isDestructive
        onConfirm={async () => {
          if (!removing) return;
          setFailure(null);
          try {
            await deleteCompost(removing.id);
            setNotice(t('gardens.compost.deleted'));
            setRemoving(null);
            await onChanged();
          } catch (error) {
            setFailure(fieldProblems(error).detail);
            setRemoving(null);
          }
        }}
      >
        {removing
          ? t('gardens.compost.deleteText', {
              date: day(removing.startedOn),
              mass: formatKilograms(removing.inputGrams, locale),
            })
          : null}
      </ConfirmDialog>
    </Card>
  );
}

function StartForm({
  garden,
  today,
  onStarted,
}: {
  garden: Garden;
  today: string;
  onStarted: (batch: CompostBatch) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [startedOn, setStartedOn] = useState(today);
  const [kilograms, setKilograms] = useState('');
  const [measurement, setMeasurement] = useState<'weighed' | 'estimated'>('weighed');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const found: Record<string, string> = {};
    const inputGrams = harvestGrams(kilograms);
    // The API takes at most 100 t in a batch.
    if (inputGrams === null || inputGrams > 100_000_000)
      found.inputGrams = t('gardens.harvests.massInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) found.startedOn = t('gardens.common.dateInvalid');
    setErrors(found);
    setDetail(null);
    if (inputGrams === null || Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const batch = await startCompost({ gardenId: garden.id, startedOn, inputGrams, measurement });
      setKilograms('');
      await onStarted(batch);
    } catch (error) {
      const problems = fieldProblems(error);
      // Not enough bio-waste in stock is said on the mass (the API names `massGrams`).
      const mass = problems.fields.inputGrams ?? problems.fields.massGrams;
      setErrors({ ...problems.fields, ...(mass ? { inputGrams: mass } : {}) });
      setDetail(
        [mass, problems.fields.startedOn].includes(problems.detail) ? null : problems.detail,
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form"
      noValidate
      aria-labelledby="compost-start"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="hub-section-title" id="compost-start">
        {t('gardens.compost.startTitle')}
      </h3>
      <div className="hub-gardens__row">
        <TextField
          label={t('gardens.compost.inputKg')}
          description={t('gardens.compost.inputHelp')}
          value={kilograms}
          onChange={setKilograms}
          inputMode="decimal"
          isRequired
          maxLength={12}
          autoComplete="off"
          isInvalid={Boolean(errors.inputGrams)}
          errorMessage={errors.inputGrams}
        />
        <TextField
          label={t('gardens.compost.startedOn')}
          type="date"
          value={startedOn}
          onChange={setStartedOn}
          isRequired
          isInvalid={Boolean(errors.startedOn)}
          errorMessage={errors.startedOn}
        />
      </div>
      <RadioGroup
        className="hub-gardens__choice hub-gardens__segmented"
        orientation="horizontal"
        value={measurement}
        onChange={(value) => setMeasurement(value as 'weighed' | 'estimated')}
      >
        <Label className="lk-field__label">{t('gardens.compost.measurement')}</Label>
        <Radio value="weighed" className="hub-gardens__radio">
          {t('gardens.compost.measurements.weighed')}
        </Radio>
        <Radio value="estimated" className="hub-gardens__radio">
          {t('gardens.compost.measurements.estimated')}
        </Radio>
      </RadioGroup>
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="hub-form__actions">
        <Button type="submit" isPending={isPending} pendingLabel={t('gardens.common.saving')}>
          {t('gardens.compost.start')}
        </Button>
      </div>
    </form>
  );
}

function ReadyForm({
  batch,
  today,
  onClose,
  onSaved,
}: {
  batch: CompostBatch;
  today: string;
  onClose: () => void;
  onSaved: (batch: CompostBatch) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [readyOn, setReadyOn] = useState(today);
  const [kilograms, setKilograms] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const found: Record<string, string> = {};
    const compostGrams = harvestGrams(kilograms);
    if (compostGrams === null || compostGrams > 100_000_000)
      found.compostGrams = t('gardens.harvests.massInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(readyOn)) found.readyOn = t('gardens.common.dateInvalid');
    else if (readyOn < batch.startedOn) found.readyOn = t('gardens.compost.readyBeforeStart');
    setErrors(found);
    setDetail(null);
    if (compostGrams === null || Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await onSaved(await markCompostReady(batch.id, { readyOn, compostGrams }));
    } catch (error) {
      const problems = fieldProblems(error);
      setErrors(problems.fields);
      setDetail(Object.values(problems.fields).includes(problems.detail) ? null : problems.detail);
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
      <TextField
        label={t('gardens.compost.outputKg')}
        value={kilograms}
        onChange={setKilograms}
        inputMode="decimal"
        isRequired
        maxLength={12}
        autoComplete="off"
        isInvalid={Boolean(errors.compostGrams)}
        errorMessage={errors.compostGrams}
      />
      <TextField
        label={t('gardens.compost.readyOn')}
        type="date"
        value={readyOn}
        onChange={setReadyOn}
        isRequired
        isInvalid={Boolean(errors.readyOn)}
        errorMessage={errors.readyOn}
      />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('gardens.common.saving')}>
          {t('gardens.compost.markReady')}
        </Button>
      </div>
    </form>
  );
}
